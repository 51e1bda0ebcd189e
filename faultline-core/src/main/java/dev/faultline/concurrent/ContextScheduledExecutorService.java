package dev.faultline.concurrent;

import dev.faultline.internal.ContextStorage;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A wrapped {@link ScheduledExecutorService}: one-shot tasks get a tracked future, periodic tasks
 * report each failed run and follow the {@link PeriodicFailures} policy.
 */
final class ContextScheduledExecutorService extends ContextExecutorService
    implements ScheduledExecutorService {
  private final ScheduledExecutorService scheduler;

  ContextScheduledExecutorService(ScheduledExecutorService scheduler, ExecutorOptions options) {
    super(scheduler, options);
    this.scheduler = scheduler;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    Objects.requireNonNull(task, "task");
    return schedule(
        new TrackedScheduledFuture<Void>(task, ContextStorage.stored(), options()), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> task, long delay, TimeUnit unit) {
    Objects.requireNonNull(task, "task");
    return schedule(
        new TrackedScheduledFuture<>(task, ContextStorage.stored(), options()), delay, unit);
  }

  private <V> ScheduledFuture<V> schedule(
      TrackedScheduledFuture<V> future, long delay, TimeUnit unit) {
    future.timer(scheduler.schedule(future, delay, unit));
    return future;
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable task, long initialDelay, long period, TimeUnit unit) {
    return scheduler.scheduleAtFixedRate(periodic(task), initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable task, long initialDelay, long delay, TimeUnit unit) {
    return scheduler.scheduleWithFixedDelay(periodic(task), initialDelay, delay, unit);
  }

  private PeriodicTask periodic(Runnable task) {
    Objects.requireNonNull(task, "task");
    return new PeriodicTask(task, ContextStorage.stored(), options());
  }

  @Override
  public String toString() {
    return "FaultlineScheduledExecutorService[" + scheduler + "]";
  }
}
