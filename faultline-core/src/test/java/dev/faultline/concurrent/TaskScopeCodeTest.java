package dev.faultline.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.RemoteFaultException;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The code a failed scope reports: its first failure's, by the per-hop rule when it is a peer's.
 */
@Timeout(10)
class TaskScopeCodeTest {
  private static final ExecutorService POOL = TestPools.named("code", 2);

  @AfterAll
  static void stopPool() throws InterruptedException {
    TestPools.stop(POOL);
  }

  private static TaskScopeException failWith(RuntimeException failure) {
    try (TaskScope<String> scope = TaskScope.builder("prices").executor(POOL).build()) {
      scope.fork(
          "price",
          () -> {
            throw failure;
          });
      return catchThrowableOfType(TaskScopeException.class, scope::join);
    }
  }

  @Test
  void aScopeWhoseTaskFailedLocallyReportsThatTasksCode() {
    TaskScopeException failed = failWith(Fault.of(Code.NOT_FOUND, "No such SKU").asException());

    assertThat(failed.fault().code()).isEqualTo(Code.NOT_FOUND);
    assertThat(failed.fault().reason()).isEqualTo("TASKS_FAILED");
  }

  @Test
  void aScopeWhoseTaskGotAPeersCallerSideCodeReportsInternalKeepingThePeerAsCause() {
    Fault peer = Fault.builder(Code.NOT_FOUND).service("inventory").build();

    TaskScopeException failed = failWith(new RemoteFaultException(peer));

    assertThat(failed.fault().code()).isEqualTo(Code.INTERNAL);
    assertThat(failed.fault().cause().code()).isEqualTo(Code.NOT_FOUND);
    assertThat(failed.fault().cause().service()).isEqualTo("inventory");
  }

  @Test
  void aScopeWhoseTaskGotAPeersTransientCodePassesItOnSoRetriesStillWork() {
    Fault peer = Fault.builder(Code.UNAVAILABLE).service("inventory").build();

    assertThat(failWith(new RemoteFaultException(peer)).fault().code()).isEqualTo(Code.UNAVAILABLE);
  }
}
