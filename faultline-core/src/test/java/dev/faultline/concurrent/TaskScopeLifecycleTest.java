package dev.faultline.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.Code;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TaskScopeLifecycleTest {
  private static final ExecutorService POOL = TestPools.named("life", 8);

  @AfterAll
  static void stopPool() throws InterruptedException {
    TestPools.stop(POOL);
  }

  private static TaskScope<String> collectAll() {
    return TaskScope.builder("stock").policy(TaskScope.Policy.COLLECT_ALL).executor(POOL).build();
  }

  private static String sleep60s() throws InterruptedException {
    Thread.sleep(60_000);
    return "too late";
  }

  @Test
  void joinWithATimeoutCancelsWhatStillRunsAndThrowsDeadlineExceeded() throws Exception {
    try (TaskScope<String> scope = collectAll()) {
      Subtask<String> fast = scope.fork("fast", () -> "ok");
      Subtask<String> slow = scope.fork("slow", TaskScopeLifecycleTest::sleep60s);
      while (fast.state() != Subtask.State.SUCCEEDED) {
        Thread.onSpinWait();
      }

      TaskScopeException e =
          catchThrowableOfType(TaskScopeException.class, () -> scope.join(Duration.ofMillis(200)));

      assertThat(e.fault().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
      assertThat(e.fault().reason()).isEqualTo("TASK_SCOPE_TIMED_OUT");
      assertThat(e).hasMessageContaining("scope 'stock' timed out after 200 ms");
      assertThat(e.failures()).isEmpty();
      assertThat(fast.get()).isEqualTo("ok");
      assertThat(slow.state()).isEqualTo(Subtask.State.CANCELLED);
      assertThatThrownBy(slow::get).hasMessageContaining("CANCELLED");
    }
  }

  @Test
  void aTimedOutJoinStillHoldsTheFailuresThatCameBeforeIt() {
    try (TaskScope<String> scope = collectAll()) {
      Subtask<String> broken =
          scope.fork(
              "broken",
              () -> {
                throw new IllegalStateException("no stock table");
              });
      scope.fork("slow", TaskScopeLifecycleTest::sleep60s);
      while (broken.state() != Subtask.State.FAILED) {
        Thread.onSpinWait();
      }

      TaskScopeException e =
          catchThrowableOfType(TaskScopeException.class, () -> scope.join(Duration.ofMillis(50)));

      assertThat(e.fault().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
      assertThat(e.failures()).extracting(TaskFailure::label).containsExactly("broken");
      assertThat(e.fault().cause()).isSameAs(e.failures().get(0).fault());
    }
  }

  @Test
  void anInterruptedOwnerCancelsTheTasksThrowsCancelledAndKeepsItsInterruptFlag() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread owner = Thread.currentThread();
    Thread interrupter =
        new Thread(
            () -> {
              try {
                started.await();
                owner.interrupt();
              } catch (InterruptedException ignored) {
                // the test ends it only if it hangs
              }
            });
    interrupter.start();
    TaskScopeException e;
    try (TaskScope<String> scope = collectAll()) {
      scope.fork(
          "slow",
          () -> {
            started.countDown();
            try {
              return sleep60s();
            } finally {
              stopped.countDown();
            }
          });
      e = catchThrowableOfType(TaskScopeException.class, scope::join);
    } finally {
      interrupter.join();
    }

    assertThat(Thread.interrupted()).isTrue();
    assertThat(e.fault().code()).isEqualTo(Code.CANCELLED);
    assertThat(e.fault().reason()).isEqualTo("TASK_SCOPE_CANCELLED");
    assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void misuseFailsFastWithMessagesThatSayWhat() {
    TaskScope<String> scope = collectAll();
    Subtask<String> task = scope.fork("one", () -> "ok");
    assertThatThrownBy(task::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("get() of task 'one' before join() of scope 'stock'");
    assertThatThrownBy(() -> scope.fork(null, () -> "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("label");

    assertThat(scope.join()).containsExactly("ok");

    assertThatThrownBy(scope::join)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("join() was already called on scope 'stock'");
    assertThatThrownBy(() -> scope.fork("two", () -> "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot fork 'two': scope 'stock' is already joined");
    scope.close();
    assertThatThrownBy(() -> scope.fork("three", () -> "x"))
        .hasMessage("cannot fork 'three': scope 'stock' is closed");
  }

  @Test
  void aClosedScopeRefusesToJoinAndClosingTwiceDoesNothing() {
    TaskScope<String> scope = collectAll();
    scope.close();
    scope.close();
    assertThatThrownBy(scope::join)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot join: scope 'stock' is closed");
  }

  @Test
  void badSettingsFailFastNamingTheSetting() {
    assertThatThrownBy(() -> TaskScope.builder("stock").maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TaskScope maxAttempts must be at least 1: 0");
    assertThatThrownBy(() -> TaskScope.builder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> TaskScope.builder("stock").policy(null)).hasMessage("policy");
  }

  @Test
  void closingWithoutJoiningJournalsTheFailuresNobodyGathered() {
    MemorySink memory = MemorySink.withCapacity(10);
    try (TaskScope<String> scope =
        TaskScope.builder("stock").executor(POOL).journal(FaultJournal.create(memory)).build()) {
      Subtask<String> broken =
          scope.fork(
              "broken",
              () -> {
                throw new IllegalStateException("no stock table");
              });
      while (broken.state() == Subtask.State.RUNNING) {
        Thread.onSpinWait();
      }
    }

    List<FaultRecord> records = memory.await(1, Duration.ofSeconds(5));
    assertThat(records)
        .singleElement()
        .extracting(FaultRecord::kind)
        .isEqualTo(FaultKind.UNOBSERVED);
    assertThat(records.get(0).task()).isEqualTo("broken");
    assertThat(records.get(0).thread()).startsWith("life-");
  }

  @Test
  void aTaskMayForkMoreTasksWhileTheOwnerJoins() {
    Thread owner = Thread.currentThread();
    try (TaskScope<String> scope = collectAll()) {
      scope.fork(
          "parent",
          () -> {
            while (owner.getState() != Thread.State.WAITING) { // the owner waits in join
              Thread.onSpinWait();
            }
            scope.fork("child", () -> "from child");
            return "from parent";
          });

      assertThat(scope.join()).containsExactly("from parent", "from child");
    }
  }

  @Test
  void anEmptyScopeJoinsToAnEmptyList() {
    try (TaskScope<String> scope = collectAll()) {
      assertThat(scope.join()).isEmpty();
    }
  }

  @Test
  void aTaskTheExecutorRefusesIsAFailureOfTheScope() {
    try (TaskScope<String> scope =
        TaskScope.builder("stock")
            .executor(
                task -> {
                  throw new RejectedExecutionException("pool is full");
                })
            .build()) {
      Subtask<String> refused = scope.fork("refused", () -> "never");

      TaskScopeException e = catchThrowableOfType(TaskScopeException.class, scope::join);

      assertThat(e.failures()).singleElement().extracting(TaskFailure::label).isEqualTo("refused");
      assertThat(e.failures().get(0).exception()).isInstanceOf(RejectedExecutionException.class);
      assertThat(refused.state()).isEqualTo(Subtask.State.FAILED);
    }
  }
}
