package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import dev.faultline.internal.ContextStorage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The task of {@link FaultlineFutures#supplyAsync}: runs the supplier under the caller's context
 * and completes the future still under it, so that dependents run now see it too (a failure is
 * wrapped in a {@link CompletionException}, as the JDK's own {@code supplyAsync} does). A scope the
 * supplier leaked is healed first; under strict mode that failure is the future's outcome.
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
    if (ContextStorage.stored() != (attached.isRoot() ? null : attached)) {
      IllegalStateException leaked = Tasks.restore(attached, previous, failure); // heals the leak
      complete(value, failure != null ? failure : leaked);
      return;
    }
    try {
      complete(value, failure); // dependents that run now run under the caller's context too
    } finally {
      ContextStorage.restore(attached, previous);
    }
  }

  private void complete(@Nullable T value, @Nullable Throwable failure) {
    if (failure == null) {
      future.complete(value);
    } else {
      future.completeExceptionally(
          failure instanceof CompletionException ? failure : new CompletionException(failure));
    }
  }
}
