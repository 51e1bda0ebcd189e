package dev.faultline.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TaskScopeConcurrencyTest {
  private static final ExecutorService POOL = TestPools.named("many", 32);

  @AfterAll
  static void stopPool() throws InterruptedException {
    TestPools.stop(POOL);
  }

  @Test
  void aThousandTasksOfWhichHalfFailOnManyThreadsAtOnceLoseNoFailure() {
    CountDownLatch go = new CountDownLatch(1);
    List<Subtask<Integer>> subtasks = new ArrayList<>();
    TaskScopeException e;
    try (TaskScope<Integer> scope =
        TaskScope.builder("bulk").policy(TaskScope.Policy.COLLECT_ALL).executor(POOL).build()) {
      for (int i = 0; i < 1000; i++) {
        int n = i;
        subtasks.add(
            scope.fork(
                "item-" + n,
                n,
                () -> {
                  go.await(); // the first 32 fail together once every task is forked
                  if (n % 2 == 1) {
                    throw new IllegalStateException("item " + n);
                  }
                  return n;
                }));
      }
      go.countDown();
      e = catchThrowableOfType(TaskScopeException.class, scope::join);
    }

    assertThat(e.failures()).hasSize(500);
    assertThat(e.getSuppressed()).hasSize(500);
    assertThat(e.failures())
        .extracting(TaskFailure::index)
        .containsExactlyElementsOf(IntStream.range(0, 500).map(i -> 2 * i + 1).boxed().toList());
    assertThat(e.failures())
        .allSatisfy(f -> assertThat(f.input()).isEqualTo(Integer.toString(f.index())));
    assertThat(e.failures().stream().map(TaskFailure::thread).collect(Collectors.toSet()))
        .hasSizeGreaterThan(1);
    assertThat(e).hasMessageContaining("500 of 1000 tasks failed");
    assertThat(subtasks.stream().filter(s -> s.index() % 2 == 0).map(Subtask::get).toList())
        .containsExactlyElementsOf(IntStream.range(0, 500).map(i -> 2 * i).boxed().toList());
  }

  @Test
  void whicheverTasksFailAreExactlyTheFailuresReported() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      int total = 1 + random.nextInt(40);
      Set<Integer> failing = new TreeSet<>();
      for (int i = 0; i < total; i++) {
        if (random.nextInt(3) == 0) {
          failing.add(i);
        }
      }
      assertThat(failedIndexes(total, failing))
          .as("round %d", round)
          .containsExactlyElementsOf(failing);
    }
  }

  private static List<Integer> failedIndexes(int total, Set<Integer> failing) {
    try (TaskScope<Integer> scope =
        TaskScope.builder("round").policy(TaskScope.Policy.COLLECT_ALL).executor(POOL).build()) {
      for (int i = 0; i < total; i++) {
        int n = i;
        scope.fork(
            "t" + n,
            () -> {
              if (failing.contains(n)) {
                throw new IllegalStateException("t" + n);
              }
              return n;
            });
      }
      try {
        assertThat(scope.join()).hasSize(total);
        return List.of();
      } catch (TaskScopeException e) {
        return e.failures().stream().map(TaskFailure::index).toList();
      }
    }
  }
}
