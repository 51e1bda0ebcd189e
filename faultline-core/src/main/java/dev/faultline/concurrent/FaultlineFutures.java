package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import dev.faultline.internal.ContextStorage;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@link CompletableFuture} chains whose failures cannot go unnoticed. The futures made here are
 * tracked, and so is every stage chained on them: a stage that fails while nobody handles it (no
 * dependent stage, no {@code get}/{@code join}/{@code getNow}, no {@code handle}, {@code
 * exceptionally} or {@code whenComplete}) is reported as {@code UNOBSERVED} once it becomes
 * unreachable, that is after a garbage collection. Their {@code *Async} stages without an executor
 * run on a wrapped common pool, under the context of whoever triggered them.
 *
 * <pre>{@code
 * FaultlineFutures.supplyAsync(() -> price(order), pool)
 *     .thenAccept(price -> audit(order, price));   // a failure here is reported, not lost
 * }</pre>
 *
 * <p>Use these instead of {@code CompletableFuture.supplyAsync(supplier)} without an executor,
 * which no decorator can reach. {@code allOf}, {@code anyOf} and {@code minimalCompletionStage}
 * make plain futures: {@link #track} their result.
 */
public final class FaultlineFutures {
  private FaultlineFutures() {}

  /**
   * Like {@link CompletableFuture#supplyAsync(Supplier, Executor)}, but the supplier runs under the
   * caller's context and the future is tracked. Reports go where {@code executor} reports when it
   * is a wrapped executor, else to the global journal.
   */
  public static <T> CompletableFuture<T> supplyAsync(Supplier<T> supplier, Executor executor) {
    return supplyAsync(supplier, executor, optionsOf(executor));
  }

  /** As {@link #supplyAsync(Supplier, Executor)}, reporting as {@code options} say. */
  public static <T> CompletableFuture<T> supplyAsync(
      Supplier<T> supplier, Executor executor, ExecutorOptions options) {
    Objects.requireNonNull(supplier, "supplier");
    CallContext context = ContextStorage.stored();
    TrackedCompletableFuture<T> future =
        TrackedCompletableFuture.create(context, options, Tasks.label(supplier));
    executor.execute(new AsyncTask<>(future, supplier, context));
    return future;
  }

  /**
   * Like {@link CompletableFuture#runAsync(Runnable, Executor)}, but the task runs under the
   * caller's context and the future is tracked.
   */
  public static CompletableFuture<Void> runAsync(Runnable task, Executor executor) {
    return runAsync(task, executor, optionsOf(executor));
  }

  /** As {@link #runAsync(Runnable, Executor)}, reporting as {@code options} say. */
  public static CompletableFuture<Void> runAsync(
      Runnable task, Executor executor, ExecutorOptions options) {
    Objects.requireNonNull(task, "task");
    CallContext context = ContextStorage.stored();
    TrackedCompletableFuture<Void> future =
        TrackedCompletableFuture.create(context, options, Tasks.label(task));
    executor.execute(new AsyncTask<Void>(future, AsyncTask.of(task), context));
    return future;
  }

  /**
   * A tracked stage that completes as {@code future} does, for a future made elsewhere: its failure
   * is reported if nobody handles it. Reports go to the global journal.
   */
  public static <T> CompletableFuture<T> track(CompletableFuture<T> future) {
    return track(future, ExecutorOptions.defaults());
  }

  /** As {@link #track(CompletableFuture)}, reporting as {@code options} say. */
  public static <T> CompletableFuture<T> track(
      CompletableFuture<T> future, ExecutorOptions options) {
    Objects.requireNonNull(options, "options");
    TrackedCompletableFuture<T> tracked =
        TrackedCompletableFuture.create(ContextStorage.stored(), options, null);
    future.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            tracked.complete(value);
          } else {
            tracked.completeExceptionally(failure);
          }
        });
    return tracked;
  }

  static ExecutorOptions optionsOf(Executor executor) {
    return executor instanceof FaultlineExecutor
        ? ((FaultlineExecutor) executor).options()
        : ExecutorOptions.defaults();
  }
}
