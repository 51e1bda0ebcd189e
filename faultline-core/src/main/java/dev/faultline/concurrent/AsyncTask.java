package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import dev.faultline.internal.ContextStorage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The task of {@link FaultlineFutures#supplyAsync}: runs the supplier under the caller's context,
 * restores the worker's, then completes the future (a failure wrapped in a {@link
 * CompletionException}, as the JDK's own {@code supplyAsync} does).
 */
final class AsyncTask<T> implements Runnable, CompletableFuture.AsynchronousCompletionTask {
  private final CompletableFuture<T> future;
  private final Supplier<T> supplier;
  private final @Nullable CallContext context;

  AsyncTask(CompletableFuture<T> future, Supplier<T> supplier, @Nullable CallContext context) {
    this.future = future;
    this.supplier = supplier;
    this.context = context;
  }

  static Supplier<Void> of(Runnable task) {
    return () -> {
      task.run();
      return null;
    };
  }

  @Override
  public void run() {
    if (future.isDone()) {
      return;
    }
    if (Tasks.expired(context)) {
      future.completeExceptionally(new CompletionException(Tasks.expiredBeforeStart(context)));
      return;
    }
    CallContext attached = Tasks.orRoot(context);
    CallContext previous = ContextStorage.attach(attached);
    T value = null;
    Throwable failure = null;
    try {
      value = supplier.get();
    } catch (Throwable t) {
      failure = t;
    }
    IllegalStateException leaked = Tasks.restore(attached, previous, failure);
    failure = failure != null ? failure : leaked;
    if (failure == null) {
      future.complete(value);
    } else {
      future.completeExceptionally(
          failure instanceof CompletionException ? failure : new CompletionException(failure));
    }
  }
}
