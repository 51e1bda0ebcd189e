package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import dev.faultline.internal.ContextStorage;
import dev.faultline.journal.FaultKind;
import org.jspecify.annotations.Nullable;

/**
 * A task given to {@code execute}: runs under its submitter's context, and a failure is reported as
 * {@link FaultKind#UNCAUGHT}, then thrown on, so that the pool behaves exactly as without it.
 */
final class ContextTask implements Runnable, Tracked {
  private final Runnable task;
  private final @Nullable CallContext context;
  private final ExecutorOptions options;

  ContextTask(Runnable task, @Nullable CallContext context, ExecutorOptions options) {
    this.task = task;
    this.context = context;
    this.options = options;
  }

  @Override
  public void run() {
    if (Tasks.expired(context)) {
      RuntimeException expired = Tasks.expiredBeforeStart(context);
      Tasks.report(FaultKind.UNCAUGHT, expired, this, context);
      throw expired;
    }
    CallContext attached = Tasks.orRoot(context);
    CallContext previous = ContextStorage.attach(attached);
    try {
      task.run();
    } catch (Throwable failure) {
      Tasks.restore(attached, previous, failure);
      Tasks.report(FaultKind.UNCAUGHT, failure, this, context);
      throw failure;
    }
    IllegalStateException leaked = Tasks.restore(attached, previous, null);
    if (leaked != null) {
      Tasks.report(FaultKind.UNCAUGHT, leaked, this, context);
      throw leaked;
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
    return "ContextTask[" + task + "]";
  }
}
