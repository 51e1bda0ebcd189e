package dev.faultline.concurrent;

import static dev.faultline.concurrent.Reports.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Code;
import dev.faultline.FaultException;
import dev.faultline.context.CallContext;
import dev.faultline.internal.ContextStorage;
import dev.faultline.journal.FaultKind;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure mode 2: the trace id does not cross a thread pool hop. */
@Timeout(30)
class ContextCarryTest {
  private final Reports reports = new Reports();
  private final ExecutorService plain = Executors.newSingleThreadExecutor();
  private final ExecutorService pool = FaultlineExecutors.wrap(plain, reports.options);

  @AfterEach
  void stop() {
    plain.shutdownNow();
  }

  @Test
  void aPlainPoolHopLosesTheContextAndAWrappedPoolCarriesIt() throws Exception {
    CallContext request = CallContext.newTrace();

    Future<CallContext> lost = under(request, () -> plain.submit(CallContext::current));
    Future<CallContext> carried = under(request, () -> pool.submit(CallContext::current));

    assertThat(lost.get().isRoot()).isTrue();
    assertThat(carried.get()).isSameAs(request);
  }

  @Test
  void executeAndAPlainExecutorCarryTheContextToo() throws Exception {
    CallContext request = CallContext.newTrace();
    java.util.concurrent.CompletableFuture<CallContext> seen =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.Executor executor =
        FaultlineExecutors.wrap((java.util.concurrent.Executor) plain::execute, reports.options);

    under(request, () -> run(() -> executor.execute(() -> seen.complete(CallContext.current()))));

    assertThat(seen.get()).isSameAs(request);
  }

  @Test
  void onAPlainPoolAContextLeakedByOneTaskIsSeenByTheNextTask() throws Exception {
    plain.submit(() -> CallContext.newTrace().makeCurrent()).get();

    assertThat(plain.submit(() -> CallContext.current().isRoot()).get()).isFalse();
  }

  @Test
  void aWrappedPoolHealsAScopeATaskLeakedSoTheNextTaskDoesNotSeeIt() throws Exception {
    pool.submit(() -> CallContext.newTrace().makeCurrent()).get();
    pool.execute(() -> CallContext.newTrace().makeCurrent());

    assertThat(plain.submit(() -> ContextStorage.stored()).get()).isNull();
  }

  @Test
  void aTaskSubmittedFromTheRootDoesNotSeeAContextTheWorkerWronglyHolds() throws Exception {
    plain.submit(() -> CallContext.newTrace().makeCurrent()).get(); // the worker now holds one

    assertThat(pool.submit(() -> CallContext.current().isRoot()).get()).isTrue();
  }

  @Test
  void theWorkersOwnContextIsBackAfterTheTaskAlsoWhenItThrows() throws Exception {
    CallContext own = CallContext.newTrace().withService("worker");
    CallContext request = CallContext.newTrace();
    plain.submit(() -> own.makeCurrent()).get();

    Future<?> failing =
        under(
            request,
            () ->
                pool.submit(
                    () -> {
                      throw new IllegalStateException("boom");
                    }));

    assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class);
    assertThat(plain.submit(CallContext::current).get()).isSameAs(own);
  }

  @Test
  void aTaskWhoseDeadlineExpiredBeforeItStartsDoesNotRun() throws Exception {
    CallContext expired = CallContext.newTrace().withTimeout(Duration.ZERO);
    AtomicBoolean ran = new AtomicBoolean();

    Future<?> future = under(expired, () -> pool.submit(() -> ran.set(true)));

    FaultException e = (FaultException) catchCause(future);
    assertThat(e.fault().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(e.fault().reason()).isEqualTo("DEADLINE_EXPIRED_BEFORE_START");
    assertThat(e.fault().traceId()).isEqualTo(expired.traceId());
    assertThat(ran).isFalse();
  }

  @Test
  void anExecutedTaskWhoseDeadlineExpiredIsReportedInsteadOfRun() throws Exception {
    CallContext expired = CallContext.newTrace().withTimeout(Duration.ZERO);
    AtomicBoolean ran = new AtomicBoolean();

    under(expired, () -> run(() -> pool.execute(() -> ran.set(true))));

    assertThat(reports.await(1))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(FaultKind.UNCAUGHT);
              assertThat(r.fault().reason()).isEqualTo("DEADLINE_EXPIRED_BEFORE_START");
            });
    assertThat(ran).isFalse();
  }

  @Test
  void aPlainPoolRunsATaskWhoseDeadlineHasLongPassed() throws Exception {
    CallContext expired = CallContext.newTrace().withTimeout(Duration.ZERO);
    AtomicBoolean ran = new AtomicBoolean();

    under(expired, () -> plain.submit(() -> ran.set(true))).get();

    assertThat(ran).isTrue();
  }

  @Test
  void theContextCrossesIntoAWrappedForkJoinPool() throws Exception {
    CallContext request = CallContext.newTrace();
    ExecutorService common = FaultlineExecutors.wrap(ForkJoinPool.commonPool(), reports.options);
    ForkJoinPool own = new ForkJoinPool(2);
    try {
      ExecutorService wrapped = FaultlineExecutors.wrap(own, reports.options);

      assertThat(under(request, () -> common.submit(CallContext::current)).get()).isSameAs(request);
      assertThat(under(request, () -> wrapped.submit(CallContext::current)).get())
          .isSameAs(request);
      assertThat(own.submit(() -> ContextStorage.stored()).get()).isNull();
    } finally {
      own.shutdownNow();
    }
  }

  private static Throwable catchCause(Future<?> future) throws InterruptedException {
    try {
      future.get();
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  private static Void run(Runnable action) {
    action.run();
    return null;
  }
}
