package dev.faultline.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TaskScopeDefaultExecutorTest {

  @Test
  void withoutVirtualThreadsTasksRunOnDaemonThreadsNamedFaultlineTask() throws Exception {
    ExecutorService pool = DefaultExecutor.daemonPool();
    try {
      Thread thread = pool.submit(Thread::currentThread).get();
      assertThat(thread.isDaemon()).isTrue();
      assertThat(thread.getName()).matches("faultline-task-\\d+");
    } finally {
      TestPools.stop(pool);
    }
  }

  @Test
  void theDefaultExecutorUsesVirtualThreadsExactlyWhenTheRuntimeHasThem() {
    TaskScopeException e;
    try (TaskScope<String> scope = TaskScope.failFast("defaults")) {
      scope.fork(
          "broken",
          () -> {
            throw new IllegalStateException("broken");
          });
      e = catchThrowableOfType(TaskScopeException.class, scope::join);
    }

    String thread = e.failures().get(0).thread();
    if (Runtime.version().feature() >= 21) {
      assertThat(thread).startsWith("VirtualThread[#");
    } else {
      assertThat(thread).matches("faultline-task-\\d+");
    }
  }
}
