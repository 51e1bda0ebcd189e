package dev.faultline.concurrent;

import dev.faultline.internal.ContextStorage;
import java.util.Objects;
import java.util.concurrent.Executor;

/** A wrapped plain {@link Executor}: each task runs under its submitter's context. */
final class ContextExecutor implements Executor, FaultlineExecutor {
  private final Executor delegate;
  private final ExecutorOptions options;

  ContextExecutor(Executor delegate, ExecutorOptions options) {
    this.delegate = delegate;
    this.options = options;
  }

  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    delegate.execute(new ContextTask(task, ContextStorage.stored(), options));
  }

  @Override
  public Executor delegate() {
    return delegate;
  }

  @Override
  public ExecutorOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "FaultlineExecutor[" + delegate + "]";
  }
}
