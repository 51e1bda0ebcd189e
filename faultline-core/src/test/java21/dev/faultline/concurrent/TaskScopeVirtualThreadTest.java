package dev.faultline.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.Code;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs on Java 21 and newer only (src/test/java21): the default executor uses virtual threads. */
@Timeout(10)
@SuppressWarnings("try") // the context is made current for its effect, not referenced
class TaskScopeVirtualThreadTest {

  @Test
  void withTheDefaultExecutorTasksRunOnVirtualThreadsAndFailuresCarryTheSameDetails() {
    CallContext owner = CallContext.newTrace().withService("pricing");
    AtomicBoolean virtual = new AtomicBoolean(true);
    TaskScopeException e;
    try (Scope context = owner.makeCurrent();
        TaskScope<Integer> scope = TaskScope.collectAll("prices")) {
      for (int i = 0; i < 10; i++) {
        int n = i;
        scope.fork(
            "price-" + n,
            "sku-" + n,
            () -> {
              virtual.compareAndSet(true, Thread.currentThread().isVirtual());
              if (n == 3) {
                throw new TimeoutException("quote service timed out");
              }
              return n;
            });
      }
      e = catchThrowableOfType(TaskScopeException.class, scope::join);
    }

    assertThat(virtual).isTrue();
    TaskFailure failure = e.failures().get(0);
    assertThat(e.failures()).hasSize(1);
    assertThat(failure.label()).isEqualTo("price-3");
    assertThat(failure.index()).isEqualTo(3);
    assertThat(failure.input()).isEqualTo("sku-3");
    assertThat(failure.attempt()).isEqualTo(1);
    assertThat(failure.thread()).startsWith("VirtualThread[#");
    assertThat(failure.queued().isNegative()).isFalse();
    assertThat(failure.ran().isNegative()).isFalse();
    assertThat(failure.fault().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(failure.fault().traceId()).isEqualTo(owner.traceId());
    assertThat(e.getSuppressed()[0]).hasMessageContaining("on thread VirtualThread[#");
  }
}
