package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A stage of a chain made by {@link FaultlineFutures}. Its dependents are tracked too, and making
 * one passes the responsibility for a failure down the chain; {@code get}, {@code join}, {@code
 * getNow} and {@code whenComplete} count as handling. A stage that fails with no dependent and
 * nobody handling it is reported as unobserved once it is unreachable ({@link Failure}).
 * Cancellation is deliberate, never reported.
 */
final class TrackedCompletableFuture<T> extends ChainedFuture<T> {
  private static final Executor DEFAULT_POOL =
      new ContextExecutor(ForkJoinPool.commonPool(), ExecutorOptions.defaults());

  private final @Nullable CallContext context;
  private final ExecutorOptions options;
  private final @Nullable String task;
  private boolean makingWatch; // only while create() runs, before the stage is shared
  private volatile boolean handled;
  private volatile @Nullable Failure failure;

  @SuppressWarnings("rawtypes") // a field updater is made for the class, not a parameterization
  private static final AtomicReferenceFieldUpdater<TrackedCompletableFuture, Failure> FAILURE =
      AtomicReferenceFieldUpdater.newUpdater(
          TrackedCompletableFuture.class, Failure.class, "failure");

  private TrackedCompletableFuture(
      @Nullable CallContext context, ExecutorOptions options, @Nullable String task) {
    this.context = context;
    this.options = options;
    this.task = task;
  }

  /** A new incomplete stage that watches its own outcome. */
  static <T> TrackedCompletableFuture<T> create(
      @Nullable CallContext context, ExecutorOptions options, @Nullable String task) {
    TrackedCompletableFuture<T> stage = new TrackedCompletableFuture<>(context, options, task);
    stage.makingWatch = true;
    try {
      stage.watch();
    } finally {
      stage.makingWatch = false;
    }
    return stage;
  }

  private void watch() {
    super.whenComplete(this::completed); // a plain dependent: see newIncompleteFuture
  }

  private void completed(@Nullable T value, @Nullable Throwable thrown) {
    if (thrown == null || Tasks.unwrap(thrown) instanceof CancellationException) {
      return;
    }
    Failure f = new Failure(thrown, context, task, options);
    if (!FAILURE.compareAndSet(this, null, f)) {
      return; // seen already
    }
    if (handled) {
      f.observed();
    } else {
      f.watch(this);
    }
  }

  @Override
  <U> CompletableFuture<U> settled(CompletableFuture<U> stage) {
    if (stage instanceof TrackedCompletableFuture && stage.isCompletedExceptionally()) {
      ((TrackedCompletableFuture<U>) stage).failedOnTheSpot();
    }
    return stage;
  }

  private void failedOnTheSpot() {
    try {
      super.join(); // not this class's join, which would count as handling
    } catch (CompletionException e) {
      completed(null, e);
    } catch (CancellationException e) {
      // deliberate, never reported
    }
  }

  @Override
  void joined(CompletionStage<?> other) {
    if (other instanceof TrackedCompletableFuture) {
      ((TrackedCompletableFuture<?>) other).handled();
    }
  }

  /** Someone handles this stage's outcome, or a dependent carries it on. */
  void handled() {
    handled = true;
    Failure f = failure;
    if (f != null) {
      f.observed();
    }
  }

  ExecutorOptions options() {
    return options;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    if (makingWatch) {
      return new CompletableFuture<>();
    }
    handled();
    return create(context, options, null);
  }

  @Override
  public Executor defaultExecutor() {
    return options == ExecutorOptions.defaults()
        ? DEFAULT_POOL
        : new ContextExecutor(ForkJoinPool.commonPool(), options);
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    try {
      T value = super.get();
      handled();
      return value;
    } catch (ExecutionException | CancellationException e) {
      handled();
      throw e;
    }
  }

  @Override
  public T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      T value = super.get(timeout, unit);
      handled();
      return value;
    } catch (ExecutionException | CancellationException e) {
      handled();
      throw e;
    }
  }

  @Override
  public T join() {
    handled(); // join always returns or throws the outcome
    return super.join();
  }

  @Override
  public T getNow(T valueIfAbsent) {
    if (isDone()) {
      handled();
    }
    return super.getNow(valueIfAbsent);
  }

  @Override
  public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
    return handledStage(super.whenComplete(action));
  }

  @Override
  public CompletableFuture<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
    return handledStage(super.whenCompleteAsync(action));
  }

  @Override
  public CompletableFuture<T> whenCompleteAsync(
      BiConsumer<? super T, ? super Throwable> action, Executor executor) {
    return handledStage(super.whenCompleteAsync(action, executor));
  }

  /** The stage of {@code whenComplete} fails as this one did, and the action saw that failure. */
  private static <T> CompletableFuture<T> handledStage(CompletableFuture<T> stage) {
    if (stage instanceof TrackedCompletableFuture) {
      ((TrackedCompletableFuture<T>) stage).handled();
    }
    return stage;
  }
}
