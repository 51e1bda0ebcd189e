package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import dev.faultline.internal.ContextStorage;
import dev.faultline.journal.FaultKind;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Runnable} that runs under its submitter's context and restores the worker's own
 * afterwards; what a failure means is up to the subclass. A task whose deadline passed before it
 * started does not run: it is reported under {@link #kind()} and thrown.
 */
abstract class ContextRun implements Runnable, Tracked {
  private final Runnable task;
  private final @Nullable CallContext context;
  private final ExecutorOptions options;

  ContextRun(Runnable task, @Nullable CallContext context, ExecutorOptions options) {
    this.task = task;
    this.context = context;
    this.options = options;
  }

  /** How this task's failures are reported. */
  abstract FaultKind kind();

  /** Reports {@code failure} (the task's, or a leaked scope's) and throws it or swallows it. */
  abstract void failed(Throwable failure);

  @Override
  public final void run() {
    if (Tasks.expired(context)) {
      RuntimeException expired = Tasks.expiredBeforeStart(context);
      Tasks.report(kind(), expired, this, context);
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

  @Override
  public final @Nullable CallContext context() {
    return context;
  }

  @Override
  public final String label() {
    return Tasks.label(task);
  }

  @Override
  public final ExecutorOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + task + "]";
  }
}
