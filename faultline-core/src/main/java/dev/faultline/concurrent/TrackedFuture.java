package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import dev.faultline.internal.ContextStorage;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The future of a task submitted to a wrapped executor: the one object allocated per task. It runs
 * the task under the submitter's context, and when the task fails and nobody calls {@code get}
 * before the future becomes unreachable, the failure is reported as unobserved ({@link Failure}).
 */
class TrackedFuture<V> extends FutureTask<V> implements Tracked {
  private final @Nullable CallContext context;
  private final Object label;
  private final ExecutorOptions options;
  private @Nullable CallContext previous;
  private boolean attached;
  private volatile boolean observed;
  private volatile @Nullable Failure failure;
  private volatile @Nullable Late late;

  TrackedFuture(Callable<V> task, @Nullable CallContext context, ExecutorOptions options) {
    super(task);
    this.context = context;
    this.label = Tasks.labelSource(task);
    this.options = options;
  }

  TrackedFuture(
      Runnable task, @Nullable V result, @Nullable CallContext context, ExecutorOptions options) {
    super(task, result);
    this.context = context;
    this.label = Tasks.labelSource(task);
    this.options = options;
  }

  @Override
  public void run() {
    if (Tasks.expired(context)) {
      if (!isDone()) {
        setException(Tasks.expiredBeforeStart(context));
      }
      return;
    }
    CallContext own = Tasks.orRoot(context);
    previous = ContextStorage.attach(own);
    attached = true;
    try {
      super.run();
    } finally {
      if (attached) { // the task was not run: cancelled, or run before
        attached = false;
        ContextStorage.restore(own, previous);
      }
    }
  }

  /**
   * Restores the worker's context before the outcome is published; strict-mode trouble fails it.
   */
  @Override
  protected void set(V value) {
    IllegalStateException leaked = detach(null);
    if (leaked == null) {
      super.set(value);
    } else {
      failed(leaked);
    }
  }

  @Override
  protected void setException(Throwable t) {
    detach(t);
    failed(t);
  }

  private @Nullable IllegalStateException detach(@Nullable Throwable failure) {
    if (!attached) {
      return null;
    }
    attached = false;
    CallContext before = previous;
    previous = null;
    return Tasks.restore(Tasks.orRoot(context), before, failure);
  }

  private void failed(Throwable t) {
    Failure f = new Failure(t, context, label(), options);
    failure = f;
    if (observed) {
      f.observed();
    }
    super.setException(t);
    if (isCancelled()) {
      return; // cancelled first: the failure is not this future's outcome
    }
    Late waiter = late;
    if (waiter != null) {
      f.late(waiter);
    } else {
      f.watch(this);
    }
  }

  /** A waiter gave up on this future: a failure from now on is reported as late for it. */
  void abandonedBy(Late waiter) {
    late = waiter;
    Failure f = failure;
    if (f != null && isDone() && !isCancelled()) {
      f.late(waiter);
    }
  }

  /** The outcome was handed to someone: a failure is theirs to handle. */
  void observe() {
    observed = true;
    Failure f = failure;
    if (f != null) {
      f.observed();
    }
  }

  @Override
  public V get() throws InterruptedException, ExecutionException {
    try {
      return super.get();
    } catch (ExecutionException e) {
      observe();
      throw e;
    }
  }

  @Override
  public V get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return super.get(timeout, unit);
    } catch (ExecutionException e) {
      observe();
      throw e;
    }
  }

  @Override
  public @Nullable CallContext context() {
    return context;
  }

  @Override
  public String label() {
    return Tasks.label(label);
  }

  @Override
  public ExecutorOptions options() {
    return options;
  }
}
