package dev.faultline.concurrent;

import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The shared state of one scope, without a lock: its subtasks, how many are still to end, the
 * signal that wakes the joiner, and two flags. {@code cancelled}: the remaining tasks were told to
 * stop. {@code sealed}: the joiner (or {@code close}) has gathered the failures; a failure recorded
 * after that is late, and its own task reports it.
 */
final class ScopeCore {
  final ScopeSettings settings;
  private final Queue<TaskRun<?>> runs = new ConcurrentLinkedQueue<>();
  private final AtomicInteger nextIndex = new AtomicInteger();

  /** Tasks not yet ended, plus one for the owner until it joins, so forks cannot race the end. */
  private final AtomicInteger pending = new AtomicInteger(1);

  private final CountDownLatch settled = new CountDownLatch(1);
  private final AtomicReference<@Nullable TaskRun<?>> first = new AtomicReference<>();
  private volatile boolean cancelled;
  private volatile boolean sealed;
  private volatile boolean joined;

  ScopeCore(ScopeSettings settings) {
    this.settings = settings;
  }

  /** Counts one more task and gives its index; refuses when every task has already ended. */
  int enter(String label) {
    if (pending.getAndUpdate(n -> n == 0 ? 0 : n + 1) == 0) {
      throw new IllegalStateException(
          "cannot fork '" + label + "': scope '" + settings.name() + "' was already joined");
    }
    return nextIndex.getAndIncrement();
  }

  /** Adds a counted task and starts it, or cancels it when the scope was cancelled already. */
  void start(TaskRun<?> run) {
    runs.add(run);
    if (cancelled) {
      run.cancel();
    } else {
      run.submit(settings.executor());
    }
  }

  /** One task (or the owner, on joining) is done; the last one wakes the joiner. */
  void ended() {
    if (pending.decrementAndGet() == 0) {
      settled.countDown();
    }
  }

  /** A task failed before the scope was sealed: under FAIL_FAST, the first one cancels the rest. */
  void failed(TaskRun<?> run) {
    if (first.compareAndSet(null, run) && settings.policy() == TaskScope.Policy.FAIL_FAST) {
      cancel(run);
    }
  }

  /**
   * Tells every task but {@code except} to stop (interrupting those that run), and wakes the
   * joiner.
   */
  void cancel(@Nullable TaskRun<?> except) {
    cancelled = true;
    for (TaskRun<?> run : runs) {
      if (run != except) {
        run.cancel();
      }
    }
    settled.countDown();
  }

  /** Waits for the end of every task, or a FAIL_FAST failure, or cancellation; false on timeout. */
  boolean await(@Nullable Duration timeout) throws InterruptedException {
    if (timeout == null) {
      settled.await();
      return true;
    }
    return settled.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
  }

  /** Seals the scope: from now on a failure is late. Returns the subtasks in fork order. */
  List<TaskRun<?>> seal() {
    sealed = true;
    List<TaskRun<?>> all = new ArrayList<>(runs);
    all.sort(Comparator.comparingInt(TaskRun::index));
    return all;
  }

  /** The failures of {@code all} that nobody else has claimed, which the caller now owns. */
  static List<TaskFailure> claimFailures(List<TaskRun<?>> all) {
    List<TaskFailure> failures = new ArrayList<>();
    for (TaskRun<?> run : all) {
      TaskFailure failure = run.claim();
      if (failure != null) {
        failures.add(failure);
      }
    }
    return failures;
  }

  boolean cancelled() {
    return cancelled;
  }

  boolean sealed() {
    return sealed;
  }

  /** Marks the end of {@code join}: from now on subtasks give their results. */
  void joined() {
    joined = true;
  }

  boolean isJoined() {
    return joined;
  }

  /** The task whose failure came first in time, or null when none failed before sealing. */
  @Nullable TaskRun<?> first() {
    return first.get();
  }

  /** Reports a failure nobody will see otherwise, as if from the thread it happened on. */
  void report(FaultKind kind, TaskFailure failure) {
    settings
        .journal()
        .report(
            FaultRecord.of(
                    kind, TaskFaults.forJournal(failure), failure.exception(), failure.label())
                .withThread(failure.thread()));
  }
}
