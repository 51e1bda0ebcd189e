package dev.faultline.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.Faults;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failure mode 7: a worker pool's {@code List<Exception>} loses task, input, attempt and thread.
 */
@Timeout(10)
@SuppressWarnings("try") // contexts are made current for their effect, not referenced
class TaskScopeFailureModeTest {
  private static final ExecutorService POOL = TestPools.named("pricer", 4);
  private static final CallContext OWNER = CallContext.newTrace().withService("pricing");

  /** Where each task ran, by index, as the task itself saw it. */
  private final Map<Integer, String> ranOn = new ConcurrentHashMap<>();

  @AfterAll
  static void stopPool() throws InterruptedException {
    TestPools.stop(POOL);
  }

  private Callable<Integer> price(int i) {
    return () -> {
      ranOn.put(i, Thread.currentThread().getName());
      Thread.sleep(10);
      switch (i) {
        case 2:
          throw new TimeoutException("quote service timed out");
        case 5:
          throw Fault.builder(Code.NOT_FOUND).reason("SKU_NOT_FOUND").build().asException();
        case 7:
          throw new IllegalStateException("price table is corrupt");
        default:
          return i * 100;
      }
    };
  }

  private static String sku(int i) {
    return "sku-" + i + ";token=s3cr3t";
  }

  @Test
  void aCollectAllScopeKeepsEveryFailureWithItsTaskInputAttemptThreadTimingsAndTrace() {
    List<Subtask<Integer>> subtasks = new ArrayList<>();
    TaskScopeException e;
    try (Scope context = OWNER.makeCurrent();
        TaskScope<Integer> scope =
            TaskScope.builder("prices")
                .policy(TaskScope.Policy.COLLECT_ALL)
                .executor(POOL)
                .inputSummary(sku -> sku.toString().replaceAll(";token=.*", ";token=***"))
                .build()) {
      for (int i = 0; i < 10; i++) {
        subtasks.add(scope.fork("price-" + i, sku(i), price(i)));
      }
      e = catchThrowableOfType(TaskScopeException.class, scope::join);
    }

    assertThat(e.failures())
        .extracting(TaskFailure::label)
        .containsExactly("price-2", "price-5", "price-7");
    assertThat(e.failures()).extracting(TaskFailure::index).containsExactly(2, 5, 7);
    assertThat(e.failures())
        .extracting(TaskFailure::input)
        .containsExactly("sku-2;token=***", "sku-5;token=***", "sku-7;token=***");
    assertThat(e.failures())
        .extracting(f -> f.fault().code())
        .containsExactly(Code.DEADLINE_EXCEEDED, Code.NOT_FOUND, Code.INTERNAL);
    assertThat(e.failures())
        .extracting(TaskFailure::exception)
        .extracting(Throwable::getClass)
        .containsExactly(
            TimeoutException.class,
            dev.faultline.FaultException.class,
            IllegalStateException.class);
    for (TaskFailure failure : e.failures()) {
      assertThat(failure.scope()).isEqualTo("prices");
      assertThat(failure.attempt()).isEqualTo(1);
      assertThat(failure.thread()).startsWith("pricer-").isEqualTo(ranOn.get(failure.index()));
      assertThat(failure.queued().isNegative()).isFalse();
      assertThat(failure.ran()).isGreaterThanOrEqualTo(Duration.ofMillis(5));
      assertThat(failure.fault().traceId()).isEqualTo(OWNER.traceId());
      assertThat(failure.fault().service()).isEqualTo("pricing");
    }
    assertThat(subtasks)
        .filteredOn(s -> s.state() == Subtask.State.SUCCEEDED)
        .extracting(Subtask::get)
        .containsExactly(0, 100, 300, 400, 600, 800, 900);
    assertThat(subtasks.get(5).failure()).isSameAs(e.failures().get(1));
  }

  @Test
  void theScopeExceptionSummarisesTheFailuresAndTakesTheCodeOfTheFirstInForkOrder() {
    TaskScopeException e = fanOut();

    assertThat(e).hasMessageContaining("3 of 10 tasks failed in scope 'prices'");
    assertThat(e.fault().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(e.fault().reason()).isEqualTo("TASKS_FAILED");
    assertThat(e.fault().metadata())
        .containsEntry("scope", "prices")
        .containsEntry("failed", "3")
        .containsEntry("total", "10")
        .containsEntry("task", "price-2");
    assertThat(e.fault().cause()).isSameAs(e.failures().get(0).fault());
    assertThat(e.fault().traceId()).isEqualTo(OWNER.traceId());
    assertThat(e.getCause()).isSameAs(e.failures().get(0).exception());
  }

  @Test
  void printStackTraceShowsEveryFailedTaskAsASuppressedException() {
    TaskScopeException e = fanOut();
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));

    assertThat(e.getSuppressed()).hasSize(3);
    assertThat(out.toString())
        .contains("Suppressed: ")
        .contains("task 'price-2' #2 of scope 'prices' failed on attempt 1 on thread pricer-")
        .contains("task 'price-5' #5", "task 'price-7' #7")
        .contains("input: sku-7;token=s3cr3t")
        .contains("quote service timed out", "SKU_NOT_FOUND", "price table is corrupt");
  }

  private TaskScopeException fanOut() {
    try (Scope context = OWNER.makeCurrent();
        TaskScope<Integer> scope =
            TaskScope.builder("prices")
                .policy(TaskScope.Policy.COLLECT_ALL)
                .executor(POOL)
                .build()) {
      for (int i = 0; i < 10; i++) {
        scope.fork("price-" + i, sku(i), price(i));
      }
      return catchThrowableOfType(TaskScopeException.class, scope::join);
    }
  }

  /** The same fan-out without Faultline: three exceptions, and nothing to tell which task threw. */
  @Test
  void aPlainExecutorAndAListOfExceptionsLoseTaskInputAttemptThreadAndTrace() throws Exception {
    List<Exception> failures = new ArrayList<>();
    try (Scope context = OWNER.makeCurrent()) {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        futures.add(POOL.submit(price(i)));
      }
      for (Future<Integer> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          failures.add(e);
        }
      }
    }

    assertThat(failures).hasSize(3);
    for (Exception e : failures) {
      StringWriter out = new StringWriter();
      e.printStackTrace(new PrintWriter(out));
      assertThat(out.toString()).doesNotContain("price-", "sku-", "pricer-", "attempt");
      assertThat(Faults.classify(e).traceId()).isNull();
    }
  }
}
