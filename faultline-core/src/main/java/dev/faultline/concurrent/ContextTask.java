package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import dev.faultline.journal.FaultKind;
import org.jspecify.annotations.Nullable;

/**
 * A task given to {@code execute}: runs under its submitter's context, and a failure is reported as
 * {@link FaultKind#UNCAUGHT}, then thrown on, so that the pool behaves exactly as without it.
 */
final class ContextTask extends ContextRun {
  ContextTask(Runnable task, @Nullable CallContext context, ExecutorOptions options) {
    super(task, context, options);
  }

  @Override
  FaultKind kind() {
    return FaultKind.UNCAUGHT;
  }

  @Override
  void failed(Throwable failure) {
    Tasks.report(FaultKind.UNCAUGHT, failure, this, context());
    throw Tasks.rethrow(failure);
  }
}
