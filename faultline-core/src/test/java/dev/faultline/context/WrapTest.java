package dev.faultline.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.internal.ContextStorage;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WrapTest {
  private static final ExecutorService POOL = Executors.newSingleThreadExecutor();
  private static final CallContext WORKER_OWN = CallContext.newTrace().withService("worker");

  @AfterEach
  void threadIsBackToRoot() {
    assertThat(ContextStorage.stored()).isNull();
  }

  @AfterAll
  static void stopPool() {
    POOL.shutdownNow();
  }

  @Test
  void aWrappedRunnableSeesTheCapturedContextOnAnotherThread() throws Exception {
    CallContext context = CallContext.newTrace().withService("orders");
    AtomicReference<CallContext> seen = new AtomicReference<>();

    POOL.submit(context.wrap(() -> seen.set(CallContext.current()))).get();

    assertThat(seen.get()).isSameAs(context);
    assertThat(POOL.submit(CallContext::current).get().isRoot()).isTrue();
  }

  @Test
  void aWrappedCallableSeesTheCapturedContextAndReturnsItsResult() throws Exception {
    CallContext context = CallContext.newTrace();
    Callable<String> task = context.wrap(() -> CallContext.current().traceId());

    assertThat(POOL.submit(task).get()).isEqualTo(context.traceId());
  }

  @Test
  void theWorkerGetsItsOwnContextBackAfterTheTask() throws Exception {
    CallContext context = CallContext.newTrace();
    Callable<CallContext> runInOwnContext =
        WORKER_OWN.wrap(
            () -> {
              context.wrap(() -> {}).run();
              return CallContext.current();
            });

    assertThat(POOL.submit(runInOwnContext).get()).isSameAs(WORKER_OWN);
  }

  @Test
  void theWorkerGetsItsOwnContextBackWhenTheTaskThrows() throws Exception {
    CallContext context = CallContext.newTrace();
    Runnable failing =
        context.wrap(
            (Runnable)
                () -> {
                  throw new IllegalStateException("boom");
                });
    Callable<CallContext> failing2 =
        context.wrap(
            () -> {
              throw new java.io.IOException("io");
            });
    Callable<CallContext> check =
        WORKER_OWN.wrap(
            () -> {
              assertThatThrownBy(failing::run).hasMessage("boom");
              assertThatThrownBy(failing2::call).hasMessage("io");
              return CallContext.current();
            });

    assertThat(POOL.submit(check).get()).isSameAs(WORKER_OWN);
  }

  @Test
  void aFailureOfTheTaskReachesTheExecutorUnchanged() {
    Future<?> future =
        POOL.submit(
            CallContext.newTrace()
                .wrap(
                    (Runnable)
                        () -> {
                          throw new IllegalArgumentException("bad input");
                        }));

    assertThatThrownBy(future::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }
}
