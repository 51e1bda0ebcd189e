package dev.faultline.concurrent;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.internal.FaultStamp;
import dev.faultline.journal.FaultKind;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * One forked task and its outcome. It owns its state: a failure is recorded in its own volatile
 * fields, never under a lock of the scope. Who reports a failure is settled by one CAS ({@link
 * #claim}): the joiner, which puts it in its exception, or the task itself, which journals it as
 * late when the scope was sealed first.
 */
final class TaskRun<R> implements Subtask<R> {
  private static final VarHandle STATE;
  private static final VarHandle ENDED;
  private static final VarHandle CLAIMED;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(TaskRun.class, "state", State.class);
      ENDED = lookup.findVarHandle(TaskRun.class, "ended", boolean.class);
      CLAIMED = lookup.findVarHandle(TaskRun.class, "claimed", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ScopeCore scope;
  private final int index;
  private final String label;
  private final @Nullable Object input;
  private final CallContext context;
  private final Callable<R> task;
  private final long forkedAt = System.nanoTime();
  private final FutureTask<@Nullable Void> future = new Cancellable();

  private volatile State state = State.RUNNING;
  private volatile boolean ended;
  private volatile boolean claimed;
  private volatile @Nullable R result;
  private volatile @Nullable TaskFailure failure;

  TaskRun(ScopeCore scope, int index, String label, @Nullable Object input, Callable<R> task) {
    this.scope = scope;
    this.index = index;
    this.label = label;
    this.input = input;
    this.context = CallContext.current();
    this.task = context.wrap(task);
  }

  void submit(Executor executor) {
    try {
      executor.execute(future);
    } catch (RuntimeException rejected) {
      String thread = ThreadNames.current();
      record(rejected, FaultStamp.of(rejected, context), 1, thread, System.nanoTime());
      end();
    }
  }

  /** Stops the task: it never starts, or its thread is interrupted. */
  void cancel() {
    future.cancel(true);
  }

  private void body() {
    try {
      attempts(ThreadNames.current());
    } finally {
      end();
    }
  }

  private void attempts(String thread) {
    for (int attempt = 1; ; attempt++) {
      long start = System.nanoTime();
      try {
        result = task.call();
        state = State.SUCCEEDED;
        return;
      } catch (Throwable error) {
        Fault fault = FaultStamp.of(error, context);
        if (!retries(attempt, fault)) {
          record(error, fault, attempt, thread, start);
          return;
        }
      }
    }
  }

  private boolean retries(int attempt, Fault fault) {
    return attempt < scope.settings.maxAttempts()
        && fault.code().isTransient()
        && !scope.cancelled()
        && !Thread.currentThread().isInterrupted();
  }

  private void record(Throwable error, Fault fault, int attempt, String thread, long start) {
    if (scope.cancelled() && fault.code() == Code.CANCELLED) {
      state = State.CANCELLED; // told to stop, and stopped: not a failure
      return;
    }
    long now = System.nanoTime();
    ScopeSettings settings = scope.settings;
    TaskFailure recorded =
        new TaskFailure(
            settings.name(),
            label,
            index,
            InputSummary.of(input, settings.redactor(), settings.name()),
            attempt,
            thread,
            Duration.ofNanos(Math.max(0, start - forkedAt)),
            Duration.ofNanos(Math.max(0, now - start)),
            fault,
            error);
    failure = recorded;
    state = State.FAILED;
    if (!scope.sealed()) {
      scope.failed(this);
    } else if (claim() != null) {
      scope.report(FaultKind.LATE, recorded);
    }
  }

  /** This task's failure, the first time anyone asks for it; null when it has none or was taken. */
  @Nullable TaskFailure claim() {
    TaskFailure recorded = failure;
    return state == State.FAILED && recorded != null && CLAIMED.compareAndSet(this, false, true)
        ? recorded
        : null;
  }

  private void end() {
    if (ENDED.compareAndSet(this, false, true)) {
      scope.ended();
    }
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public State state() {
    return state;
  }

  @Override
  public R get() {
    if (!scope.isJoined()) {
      throw new IllegalStateException(
          "get() of task '" + label + "' before join() of scope '" + scope.settings.name() + "'");
    }
    State now = state;
    if (now == State.SUCCEEDED) {
      return result;
    }
    TaskFailure failed = failure;
    throw new IllegalStateException(
        "task '" + label + "' has no result: it is " + now + (failed != null ? ": " + failed : ""),
        failed != null ? failed.exception() : null);
  }

  @Override
  public @Nullable TaskFailure failure() {
    return state == State.FAILED ? failure : null;
  }

  @Override
  public String toString() {
    return "Subtask[" + label + " #" + index + " " + state + "]";
  }

  /** Runs the body; once cancelled, marks the task so whether or not the body ever runs. */
  private final class Cancellable extends FutureTask<@Nullable Void> {
    Cancellable() {
      super(TaskRun.this::body, null);
    }

    @Override
    protected void done() {
      if (isCancelled()) {
        STATE.compareAndSet(TaskRun.this, State.RUNNING, State.CANCELLED);
        end();
      }
    }
  }
}
