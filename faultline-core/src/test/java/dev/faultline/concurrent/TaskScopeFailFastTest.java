package dev.faultline.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.Code;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TaskScopeFailFastTest {
  private static final ExecutorService POOL = TestPools.named("fast", 12);

  @AfterAll
  static void stopPool() throws InterruptedException {
    TestPools.stop(POOL);
  }

  @Test
  void theFirstFailureCancelsTheOthersWhichSeeAnInterruptAndJoinThrowsWithoutWaitingForThem()
      throws Exception {
    int sleepers = 9;
    CountDownLatch started = new CountDownLatch(sleepers);
    CountDownLatch interrupted = new CountDownLatch(sleepers);
    List<Subtask<String>> subtasks = new ArrayList<>();
    TaskScopeException e;
    try (TaskScope<String> scope = TaskScope.builder("quotes").executor(POOL).build()) {
      for (int i = 0; i < sleepers; i++) {
        subtasks.add(scope.fork("slow-" + i, () -> sleepUntilInterrupted(started, interrupted)));
      }
      scope.fork(
          "broken",
          () -> {
            started.await();
            throw new IllegalStateException("quote engine down");
          });
      e = catchThrowableOfType(TaskScopeException.class, scope::join); // the sleepers sleep 60 s
    }

    assertThat(e.failures()).singleElement().extracting(TaskFailure::label).isEqualTo("broken");
    assertThat(e.fault().code()).isEqualTo(Code.INTERNAL);
    assertThat(e).hasMessageContaining("1 of 10 tasks failed in scope 'quotes'");
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(subtasks).allSatisfy(s -> assertThat(s.state()).isEqualTo(Subtask.State.CANCELLED));
    assertThat(subtasks).allSatisfy(s -> assertThat(s.failure()).isNull());
  }

  private static String sleepUntilInterrupted(CountDownLatch started, CountDownLatch interrupted)
      throws InterruptedException {
    started.countDown();
    try {
      Thread.sleep(60_000);
      return "too late";
    } catch (InterruptedException stop) {
      interrupted.countDown();
      throw stop;
    }
  }

  @Test
  void aTaskThatFailsAfterTheScopeWasCancelledIsJournaledAsLateWithItsLabel() throws Exception {
    MemorySink memory = MemorySink.withCapacity(10);
    FaultJournal journal = FaultJournal.create(memory);
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch joinReturned = new CountDownLatch(1);
    Subtask<String> stubborn;
    try (TaskScope<String> scope =
        TaskScope.builder("quotes").executor(POOL).journal(journal).build()) {
      scope.fork(
          "quiet", () -> sleepUntilInterrupted(new CountDownLatch(1), new CountDownLatch(1)));
      stubborn =
          scope.fork(
              "stubborn",
              "sku-9",
              () -> {
                slowStarted.countDown();
                try {
                  Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                  joinReturned.await(); // carries on after the cancel, then fails
                }
                throw new IllegalStateException("cleanup failed");
              });
      scope.fork(
          "broken",
          () -> {
            slowStarted.await();
            throw new IllegalStateException("quote engine down");
          });
      TaskScopeException e = catchThrowableOfType(TaskScopeException.class, scope::join);
      assertThat(e.failures()).extracting(TaskFailure::label).containsExactly("broken");
      joinReturned.countDown();
    }

    List<FaultRecord> records = memory.await(1, Duration.ofSeconds(5));
    assertThat(journal.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(memory.records()).hasSize(1); // the quiet task simply stopped: not a failure
    FaultRecord late = records.get(0);
    assertThat(late.kind()).isEqualTo(FaultKind.LATE);
    assertThat(late.task()).isEqualTo("stubborn");
    assertThat(late.thread()).startsWith("fast-");
    assertThat(late.exception()).isEqualTo(IllegalStateException.class.getName());
    assertThat(late.fault().metadata())
        .containsEntry("scope", "quotes")
        .containsEntry("task.index", "1")
        .containsEntry("task.input", "sku-9");
    assertThat(stubborn.state()).isEqualTo(Subtask.State.FAILED);
    assertThat(stubborn.failure()).isNotNull();
  }

  @Test
  void failuresThatHappenedBeforeJoinGatheredThemAreAllInTheException() {
    try (TaskScope<String> scope = TaskScope.builder("quotes").executor(POOL).build()) {
      List<Subtask<String>> subtasks = new ArrayList<>();
      CyclicBarrier together = new CyclicBarrier(2);
      for (String label : List.of("a", "b")) {
        subtasks.add(
            scope.fork(
                label,
                () -> {
                  together.await(); // both run before either fails
                  throw new IllegalStateException(label);
                }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!subtasks.stream().allMatch(s -> s.state() == Subtask.State.FAILED)
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }

      TaskScopeException e = catchThrowableOfType(TaskScopeException.class, scope::join);

      assertThat(e.failures()).extracting(TaskFailure::label).containsExactly("a", "b");
      assertThat(e.getSuppressed()).hasSize(2);
    }
  }
}
