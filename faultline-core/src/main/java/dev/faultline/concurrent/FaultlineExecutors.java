package dev.faultline.concurrent;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Decorates executors so that no task failure is lost and the caller's context goes with each task.
 * Wrap a pool once, where it is made, and use only the wrapper:
 *
 * <pre>{@code
 * ExecutorService pool = FaultlineExecutors.wrap(Executors.newFixedThreadPool(8));
 * pool.submit(() -> reserve(order));   // runs under the submitter's CallContext
 * }</pre>
 *
 * <p>A wrapped executor:
 *
 * <ul>
 *   <li>captures {@code CallContext.current()} at submission and makes it current in the task,
 *       restoring the worker's own context afterwards (a root submitter clears the worker's);
 *   <li>does not run a task whose deadline passed before it started: it fails with {@code
 *       DEADLINE_EXCEEDED} ({@code DEADLINE_EXPIRED_BEFORE_START});
 *   <li>reports a task given to {@code execute} that throws as {@code UNCAUGHT}, and throws on;
 *   <li>reports the failure of a {@code submit}ted task as {@code UNOBSERVED} when its future
 *       becomes unreachable before anyone called {@code get} (detected by a {@link
 *       java.lang.ref.Cleaner}, so after a garbage collection);
 *   <li>reports each failed run of a periodic task as {@code PERIODIC} and keeps the schedule
 *       unless {@link PeriodicFailures#STOP} is chosen.
 * </ul>
 *
 * <p><b>Side effect:</b> when the executor is a {@link ThreadPoolExecutor} whose rejection handler
 * is a {@link ThreadPoolExecutor.DiscardPolicy} or {@link ThreadPoolExecutor.DiscardOldestPolicy},
 * {@code wrap} replaces that handler on the pool itself with one that discards the same task and
 * reports it as {@code REJECTED}. Other handlers are left as they are; a {@code
 * RejectedExecutionException} reaches the caller, who sees it.
 *
 * <p>A decorator cannot reach work that never passes through it: {@code
 * CompletableFuture.supplyAsync(supplier)} without an executor and parallel streams run on the
 * common pool directly. Use {@link FaultlineFutures} (its async stages run on a wrapped common
 * pool) and wrapped executors instead.
 */
public final class FaultlineExecutors {
  private FaultlineExecutors() {}

  /** {@code executor} with context carried and failures reported to the global journal. */
  public static Executor wrap(Executor executor) {
    return wrap(executor, ExecutorOptions.defaults());
  }

  /** {@code executor} with context carried and failures reported to the global journal. */
  public static ExecutorService wrap(ExecutorService executor) {
    return wrap(executor, ExecutorOptions.defaults());
  }

  /** {@code executor} with context carried and failures reported to the global journal. */
  public static ScheduledExecutorService wrap(ScheduledExecutorService executor) {
    return wrap(executor, ExecutorOptions.defaults());
  }

  /**
   * {@code executor} with context carried and failures reported as {@code options} say. An executor
   * service or scheduler is wrapped as one, whatever the static type; wrapping a wrapper again only
   * changes its options.
   */
  public static Executor wrap(Executor executor, ExecutorOptions options) {
    Objects.requireNonNull(options, "options");
    if (executor instanceof ScheduledExecutorService) {
      return wrap((ScheduledExecutorService) executor, options);
    }
    if (executor instanceof ExecutorService) {
      return wrap((ExecutorService) executor, options);
    }
    if (executor instanceof FaultlineExecutor) {
      FaultlineExecutor wrapped = (FaultlineExecutor) executor;
      return wrapped.options() == options ? executor : wrap(wrapped.delegate(), options);
    }
    return new ContextExecutor(Objects.requireNonNull(executor, "executor"), options);
  }

  /** {@code executor} with context carried and failures reported as {@code options} say. */
  public static ExecutorService wrap(ExecutorService executor, ExecutorOptions options) {
    Objects.requireNonNull(options, "options");
    if (executor instanceof ScheduledExecutorService) {
      return wrap((ScheduledExecutorService) executor, options);
    }
    if (executor instanceof ContextExecutorService) {
      ContextExecutorService wrapped = (ContextExecutorService) executor;
      return wrapped.options() == options ? executor : wrap(wrapped.delegate(), options);
    }
    decorate(executor, options);
    return new ContextExecutorService(executor, options);
  }

  /** {@code executor} with context carried and failures reported as {@code options} say. */
  public static ScheduledExecutorService wrap(
      ScheduledExecutorService executor, ExecutorOptions options) {
    Objects.requireNonNull(options, "options");
    if (executor instanceof ContextScheduledExecutorService) {
      ContextScheduledExecutorService wrapped = (ContextScheduledExecutorService) executor;
      return wrapped.options() == options
          ? executor
          : wrap((ScheduledExecutorService) wrapped.delegate(), options);
    }
    decorate(executor, options);
    return new ContextScheduledExecutorService(executor, options);
  }

  private static void decorate(ExecutorService executor, ExecutorOptions options) {
    if (executor instanceof ThreadPoolExecutor) {
      Discards.decorate((ThreadPoolExecutor) executor, options);
    }
  }
}
