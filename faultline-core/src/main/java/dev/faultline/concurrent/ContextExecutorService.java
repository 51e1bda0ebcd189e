package dev.faultline.concurrent;

import dev.faultline.internal.ContextStorage;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A wrapped {@link ExecutorService}. {@code submit} (and {@code invokeAll}, {@code invokeAny)} make
 * one {@link TrackedFuture} per task and hand it to the delegate's {@code execute}, as the JDK's
 * own {@code submit} does; {@code execute} wraps the task in a {@link ContextTask}.
 */
class ContextExecutorService extends AbstractExecutorService implements FaultlineExecutor {
  private final ExecutorService delegate;
  private final ExecutorOptions options;

  ContextExecutorService(ExecutorService delegate, ExecutorOptions options) {
    this.delegate = delegate;
    this.options = options;
  }

  @Override
  protected <T> RunnableFuture<T> newTaskFor(Callable<T> task) {
    return new TrackedFuture<>(task, ContextStorage.stored(), options);
  }

  @Override
  protected <T> RunnableFuture<T> newTaskFor(Runnable task, @Nullable T result) {
    return new TrackedFuture<>(task, result, ContextStorage.stored(), options);
  }

  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    if (task instanceof TrackedFuture) {
      delegate.execute(task); // made by submit: it carries its context and reports itself
    } else {
      delegate.execute(new ContextTask(task, ContextStorage.stored(), options));
    }
  }

  /** Waits for every task; the outcomes are handed back, so every future counts as observed. */
  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    return observed(super.invokeAll(tasks));
  }

  /** As {@link #invokeAll(Collection)}, for at most {@code timeout}. */
  @Override
  public <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException {
    return observed(super.invokeAll(tasks, timeout, unit));
  }

  private static <T> List<Future<T>> observed(List<Future<T>> futures) {
    for (Future<T> future : futures) {
      if (future instanceof TrackedFuture) {
        ((TrackedFuture<T>) future).observe();
      }
    }
    return futures;
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return delegate.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return delegate.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return delegate.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return delegate.awaitTermination(timeout, unit);
  }

  @Override
  public ExecutorService delegate() {
    return delegate;
  }

  @Override
  public ExecutorOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "FaultlineExecutorService[" + delegate + "]";
  }
}
