package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import dev.faultline.journal.FaultKind;
import org.jspecify.annotations.Nullable;

/**
 * A run of a task given to {@code scheduleAtFixedRate} or {@code scheduleWithFixedDelay}: each
 * failure is reported as {@link FaultKind#PERIODIC}; under {@link PeriodicFailures#CONTINUE} it is
 * then swallowed so that the next run happens, under {@link PeriodicFailures#STOP} it is thrown so
 * that the scheduler ends the schedule. A {@link VirtualMachineError} is always thrown, and a
 * deadline that has passed ends the schedule (it will never be met again).
 */
final class PeriodicTask extends ContextRun {
  PeriodicTask(Runnable task, @Nullable CallContext context, ExecutorOptions options) {
    super(task, context, options);
  }

  @Override
  FaultKind kind() {
    return FaultKind.PERIODIC;
  }

  @Override
  void failed(Throwable failure) {
    Tasks.report(FaultKind.PERIODIC, failure, this, context());
    if (options().periodicFailures() == PeriodicFailures.STOP
        || failure instanceof VirtualMachineError) {
      throw Tasks.rethrow(failure);
    }
  }
}
