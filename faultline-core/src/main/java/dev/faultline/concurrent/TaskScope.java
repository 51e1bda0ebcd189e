package dev.faultline.concurrent;

import dev.faultline.internal.Warnings;
import dev.faultline.journal.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Structured fan-out that keeps every failure whole: fork labelled tasks, join them, and get their
 * results in fork order, or one {@link TaskScopeException} whose {@link TaskFailure}s say which
 * task failed, on which input, on which attempt, on which thread, after how long, and with which
 * {@link dev.faultline.Fault} (stamped with the forker's trace id). In the spirit of Go's {@code
 * errgroup} and the JDK's {@code StructuredTaskScope}, on Java 17.
 *
 * <pre>{@code
 * try (TaskScope<Price> scope = TaskScope.collectAll("prices")) {
 *   for (Sku sku : skus) {
 *     scope.fork("price", sku, () -> pricing.priceOf(sku));     // label, input, task
 *   }
 *   List<Price> prices = scope.join();                          // in fork order
 * } catch (TaskScopeException e) {
 *   for (TaskFailure f : e.failures()) {
 *     log.warn("{} #{} ({}) failed on attempt {} on {}: {}",
 *         f.label(), f.index(), f.input(), f.attempt(), f.thread(), f.fault());
 *   }
 * }
 * }</pre>
 *
 * <p>Each task runs on the scope's executor (by default a shared one: a virtual thread per task on
 * Java 21+, else daemon threads {@code faultline-task-N}) under the {@link
 * dev.faultline.context.CallContext} current where it was forked. Under {@link Policy#FAIL_FAST}
 * the first failure cancels the other tasks (interrupting those that run) and wakes {@code join};
 * under {@link Policy#COLLECT_ALL} every task runs to its end. Transient failures ({@link
 * dev.faultline.Code#isTransient()}) are retried at once up to {@link
 * TaskScopeBuilder#maxAttempts(int)} attempts.
 *
 * <p>The exception's fault has the code of the failure that decided the outcome: under FAIL_FAST
 * the one that came first in time (the one that cancelled the rest), under COLLECT_ALL the first in
 * fork order; that failure's fault is its cause and its exception the Java cause.
 *
 * <p>No failure is dropped. One that a {@code join} gathered is in its exception; one that ends
 * after the scope was joined or closed (a cancelled task that still fails) is reported to the fault
 * journal as {@link FaultKind#LATE}; one that nobody joined is reported by {@link #close()} as
 * {@link FaultKind#UNOBSERVED}. A cancelled task that simply stops is not a failure.
 *
 * <p>Forking is thread-safe (a task may fork more tasks while the owner joins); {@code join} may be
 * called once. A scope is meant for one try-with-resources block.
 *
 * @param <T> the type of the tasks' results
 */
public final class TaskScope<T> implements AutoCloseable {
  /** What a failure does to the other tasks of the scope. */
  public enum Policy {
    /** The first failure cancels the other tasks and ends the wait of {@code join}. */
    FAIL_FAST,
    /** Every task runs to its end, and {@code join} reports every failure. */
    COLLECT_ALL
  }

  private static final int OPEN = 0;
  private static final int JOINING = 1;
  private static final int JOINED = 2;
  private static final int CLOSED = 3;

  private final ScopeCore core;
  private final AtomicInteger phase = new AtomicInteger(OPEN);

  TaskScope(ScopeSettings settings) {
    this.core = new ScopeCore(settings);
  }

  /** A scope named {@code name} whose first failure cancels the other tasks. */
  public static <T> TaskScope<T> failFast(String name) {
    return builder(name).policy(Policy.FAIL_FAST).build();
  }

  /** A scope named {@code name} that runs every task and reports every failure. */
  public static <T> TaskScope<T> collectAll(String name) {
    return builder(name).policy(Policy.COLLECT_ALL).build();
  }

  /** A builder for a scope named {@code name} (FAIL_FAST unless told otherwise). */
  public static TaskScopeBuilder builder(String name) {
    return new TaskScopeBuilder(name);
  }

  /** The scope's name, as its failures and exceptions show it. */
  public String name() {
    return core.settings.name();
  }

  /**
   * Forks a task with no input. See {@link #fork(String, Object, Callable)}.
   *
   * @throws IllegalStateException when the scope was joined or closed
   */
  public <R extends T> Subtask<R> fork(String label, Callable<R> task) {
    return fork(label, null, task);
  }

  /**
   * Forks a task: starts {@code task} on the scope's executor, under the current context. The
   * {@code input} is kept only to describe a failure (through the scope's redactor, and only if the
   * task fails).
   *
   * @throws IllegalStateException when the scope was joined or closed
   */
  public <R extends T> Subtask<R> fork(String label, @Nullable Object input, Callable<R> task) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(task, "task");
    int now = phase.get();
    if (now == JOINED || now == CLOSED) {
      throw new IllegalStateException(
          "cannot fork '" + label + "': scope '" + name() + "' is " + describe(now));
    }
    TaskRun<R> run = new TaskRun<>(core, core.enter(label), label, input, task);
    core.start(run);
    return run;
  }

  /**
   * Waits for every task (or, under FAIL_FAST, the first failure) and returns the results in fork
   * order. When the owner is interrupted, cancels the tasks, sets the interrupt flag again and
   * throws with {@link dev.faultline.Code#CANCELLED}.
   *
   * @throws TaskScopeException holding every failure gathered
   * @throws IllegalStateException when join was already called or the scope was closed
   */
  public List<T> join() {
    return joinWithin(null);
  }

  /**
   * As {@link #join()}, waiting at most {@code timeout}: when it passes, cancels the tasks that
   * remain and throws with {@link dev.faultline.Code#DEADLINE_EXCEEDED}.
   *
   * @throws TaskScopeException holding every failure gathered
   * @throws IllegalStateException when join was already called or the scope was closed
   */
  public List<T> join(Duration timeout) {
    return joinWithin(Objects.requireNonNull(timeout, "timeout"));
  }

  private List<T> joinWithin(@Nullable Duration timeout) {
    if (!phase.compareAndSet(OPEN, JOINING)) {
      int now = phase.get();
      throw new IllegalStateException(
          now == CLOSED
              ? "cannot join: scope '" + name() + "' is closed"
              : "join() was already called on scope '" + name() + "'");
    }
    core.ended(); // the owner's own count: forks from outside the tasks stop here
    boolean settled;
    boolean interrupted = false;
    try {
      settled = core.await(timeout);
    } catch (InterruptedException e) {
      settled = false;
      interrupted = true;
    }
    if (!settled) {
      core.cancel(null);
    }
    List<TaskRun<?>> runs = core.seal();
    List<TaskFailure> failures = ScopeCore.claimFailures(runs);
    core.joined();
    phase.compareAndSet(JOINING, JOINED);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return JoinOutcome.of(core, runs, failures, settled, interrupted ? null : timeout);
  }

  /**
   * Cancels the tasks that still run (interrupting them) and returns at once, without waiting for
   * them: a task that ignores interruption may run on, and if it then fails, it is journaled as
   * {@link FaultKind#LATE}. Failures that no {@code join} gathered are journaled as {@link
   * FaultKind#UNOBSERVED}. Idempotent; never throws.
   */
  @Override
  public void close() {
    int before = phase.getAndSet(CLOSED);
    if (before == CLOSED) {
      return;
    }
    try {
      if (before != JOINED) {
        core.cancel(null);
      }
      for (TaskFailure failure : ScopeCore.claimFailures(core.seal())) {
        core.report(FaultKind.UNOBSERVED, failure);
      }
    } catch (RuntimeException e) {
      Warnings.once("taskscope.close", "TaskScope '" + name() + "' could not close cleanly", e);
    }
  }

  private static String describe(int phase) {
    return phase == CLOSED ? "closed" : "already joined";
  }

  /** The name and policy, for logs. */
  @Override
  public String toString() {
    return "TaskScope[" + name() + ", " + core.settings.policy() + "]";
  }
}
