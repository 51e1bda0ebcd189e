package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The future of a one-shot task given to a wrapped scheduler's {@code schedule}: tracked as a
 * {@link TrackedFuture}, timed by the future of the scheduler it was given to.
 */
final class TrackedScheduledFuture<V> extends TrackedFuture<V> implements ScheduledFuture<V> {
  private volatile @Nullable ScheduledFuture<?> timer;

  TrackedScheduledFuture(Callable<V> task, @Nullable CallContext context, ExecutorOptions options) {
    super(task, context, options);
  }

  TrackedScheduledFuture(Runnable task, @Nullable CallContext context, ExecutorOptions options) {
    super(task, null, context, options);
  }

  /** Sets the scheduler's own future of this task, once it is scheduled. */
  void timer(ScheduledFuture<?> timer) {
    this.timer = timer;
  }

  @Override
  public long getDelay(TimeUnit unit) {
    ScheduledFuture<?> t = timer;
    return t == null ? 0 : t.getDelay(unit);
  }

  @Override
  public int compareTo(Delayed other) {
    return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
  }

  /** Cancels the task, and takes it off the scheduler's queue. */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    ScheduledFuture<?> t = timer;
    if (cancelled && t != null) {
      t.cancel(false);
    }
    return cancelled;
  }
}
