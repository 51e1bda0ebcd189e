package dev.faultline.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TaskScopeRetryTest {
  private static final ExecutorService POOL = TestPools.named("retry", 2);

  @AfterAll
  static void stopPool() throws InterruptedException {
    TestPools.stop(POOL);
  }

  private static TaskScope<String> scope(int maxAttempts) {
    return TaskScope.builder("stock").executor(POOL).maxAttempts(maxAttempts).build();
  }

  private static RuntimeException unavailable() {
    return Fault.of(Code.UNAVAILABLE, "inventory is restarting").asException();
  }

  @Test
  void aTaskThatFailsTwiceWithUnavailableThenSucceedsSucceedsOnItsThirdAttempt() {
    AtomicInteger attempts = new AtomicInteger();
    try (TaskScope<String> scope = scope(3)) {
      Subtask<String> reserve =
          scope.fork(
              "reserve",
              () -> {
                if (attempts.incrementAndGet() < 3) {
                  throw unavailable();
                }
                return "reserved";
              });

      assertThat(scope.join()).containsExactly("reserved");
      assertThat(reserve.get()).isEqualTo("reserved");
      assertThat(reserve.failure()).isNull();
    }
    assertThat(attempts).hasValue(3);
  }

  @Test
  void aTaskThatKeepsFailingTransientlyKeepsOnlyItsLastFailureWithItsAttemptNumber() {
    AtomicInteger attempts = new AtomicInteger();
    try (TaskScope<String> scope = scope(3)) {
      scope.fork(
          "reserve",
          () -> {
            attempts.incrementAndGet();
            throw unavailable();
          });

      TaskScopeException e = catchThrowableOfType(TaskScopeException.class, scope::join);

      assertThat(e.failures()).singleElement().extracting(TaskFailure::attempt).isEqualTo(3);
      assertThat(e.getSuppressed()).hasSize(1);
      assertThat(e.getSuppressed()[0]).hasMessageContaining("failed on attempt 3");
      assertThat(e.fault().code()).isEqualTo(Code.UNAVAILABLE);
    }
    assertThat(attempts).hasValue(3);
  }

  @Test
  void aFailureThatIsNotTransientIsNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    try (TaskScope<String> scope = scope(5)) {
      scope.fork(
          "reserve",
          () -> {
            attempts.incrementAndGet();
            throw Fault.of(Code.FAILED_PRECONDITION, "sku is discontinued").asException();
          });

      TaskScopeException e = catchThrowableOfType(TaskScopeException.class, scope::join);

      assertThat(e.failures()).singleElement().extracting(TaskFailure::attempt).isEqualTo(1);
    }
    assertThat(attempts).hasValue(1);
  }

  @Test
  void withoutMaxAttemptsATransientFailureIsNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    try (TaskScope<String> scope = TaskScope.builder("stock").executor(POOL).build()) {
      scope.fork(
          "reserve",
          () -> {
            attempts.incrementAndGet();
            throw unavailable();
          });

      assertThatThrownBy(scope::join).isInstanceOf(TaskScopeException.class);
    }
    assertThat(attempts).hasValue(1);
  }
}
