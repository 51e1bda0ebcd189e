package dev.faultline.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The stage methods of {@link TrackedCompletableFuture} that can complete their new stage on the
 * spot. When this stage is already complete, the JDK completes the dependent inside the call
 * without running its completions, so each such method hands its stage to {@link #settled}; a stage
 * it joins with is relieved of its own failure, which the new stage carries on.
 */
abstract class ChainedFuture<T> extends CompletableFuture<T> {
  /** Looks at {@code stage} once it is returned: it may have failed already. */
  abstract <U> CompletableFuture<U> settled(CompletableFuture<U> stage);

  /** {@code other} now has a dependent: this chain carries its failure on. */
  abstract void joined(CompletionStage<?> other);

  @Override
  public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
    return settled(super.thenApply(fn));
  }

  @Override
  public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
    return settled(super.thenAccept(action));
  }

  @Override
  public CompletableFuture<Void> thenRun(Runnable action) {
    return settled(super.thenRun(action));
  }

  @Override
  public <U, V> CompletableFuture<V> thenCombine(
      CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
    joined(other);
    return settled(super.thenCombine(other, fn));
  }

  @Override
  public <U> CompletableFuture<Void> thenAcceptBoth(
      CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
    joined(other);
    return settled(super.thenAcceptBoth(other, action));
  }

  @Override
  public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
    joined(other);
    return settled(super.runAfterBoth(other, action));
  }

  @Override
  public <U> CompletableFuture<U> applyToEither(
      CompletionStage<? extends T> other, Function<? super T, U> fn) {
    joined(other);
    return settled(super.applyToEither(other, fn));
  }

  @Override
  public CompletableFuture<Void> acceptEither(
      CompletionStage<? extends T> other, Consumer<? super T> action) {
    joined(other);
    return settled(super.acceptEither(other, action));
  }

  @Override
  public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
    joined(other);
    return settled(super.runAfterEither(other, action));
  }

  @Override
  public <U> CompletableFuture<U> thenCompose(
      Function<? super T, ? extends CompletionStage<U>> fn) {
    return settled(super.thenCompose(fn));
  }

  @Override
  public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
    return settled(super.handle(fn));
  }

  @Override
  public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
    return settled(super.exceptionally(fn));
  }

  @Override
  public CompletableFuture<T> exceptionallyCompose(
      Function<Throwable, ? extends CompletionStage<T>> fn) {
    return settled(super.exceptionallyCompose(fn));
  }

  @Override
  public CompletableFuture<T> copy() {
    return settled(super.copy());
  }
}
