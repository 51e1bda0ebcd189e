package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import dev.faultline.internal.ContextStorage;
import dev.faultline.journal.FaultKind;
import org.jspecify.annotations.Nullable;

/**
 * A run of a task given to {@code scheduleAtFixedRate} or {@code scheduleWithFixedDelay}: each
 * failure is reported as {@link FaultKind#PERIODIC}; under {@link PeriodicFailures#CONTINUE} it is
 * then swallowed so that the next run happens, under {@link PeriodicFailures#STOP} it is thrown so
 * that the scheduler ends the schedule. A {@link VirtualMachineError} is always thrown, and a
 * deadline that has passed ends the schedule (it will never be met again).
 */
final class PeriodicTask implements Runnable, Tracked {
  private final Runnable task;
  private final @Nullable CallContext context;
  private final ExecutorOptions options;

  PeriodicTask(Runnable task, @Nullable CallContext context, ExecutorOptions options) {
    this.task = task;
    this.context = context;
    this.options = options;
  }

  @Override
  public void run() {
    if (Tasks.expired(context)) {
      RuntimeException expired = Tasks.expiredBeforeStart(context);
      Tasks.report(FaultKind.PERIODIC, expired, this, context);
      throw expired;
    }
    CallContext attached = Tasks.orRoot(context);
    CallContext previous = ContextStorage.attach(attached);
    try {
      task.run();
    } catch (Throwable failure) {
      Tasks.restore(attached, previous, failure);
      failed(failure);
      return;
    }
    IllegalStateException leaked = Tasks.restore(attached, previous, null);
    if (leaked != null) {
      failed(leaked);
    }
  }

  private void failed(Throwable failure) {
    Tasks.report(FaultKind.PERIODIC, failure, this, context);
    if (options.periodicFailures() == PeriodicFailures.STOP
        || failure instanceof VirtualMachineError) {
      throw Tasks.rethrow(failure);
    }
  }

  @Override
  public @Nullable CallContext context() {
    return context;
  }

  @Override
  public String label() {
    return Tasks.label(task);
  }

  @Override
  public ExecutorOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "PeriodicTask[" + task + "]";
  }
}
