package dev.faultline.concurrent;

import static dev.faultline.concurrent.Reports.traced;
import static dev.faultline.concurrent.Reports.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Code;
import dev.faultline.context.CallContext;
import dev.faultline.context.StrictContext;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import java.lang.ref.Reference;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure mode 5: a submitted task fails and nobody calls get(). */
@Timeout(30)
class UnobservedSubmitTest {
  private final Reports reports = new Reports();
  private ExecutorService plain;
  private ExecutorService pool;

  @BeforeEach
  void start() {
    plain = Executors.newFixedThreadPool(2);
    pool = FaultlineExecutors.wrap(plain, reports.options);
  }

  @AfterEach
  void stop() {
    plain.shutdownNow();
  }

  static final class Reserve implements Callable<String> {
    @Override
    public String call() {
      throw new IllegalStateException("no stock");
    }
  }

  /** Submits a failing task under a new trace, waits until it failed, and drops the future. */
  private CallContext submitAndForget(ExecutorService executor) throws Exception {
    CallContext request = CallContext.newTrace().withService("orders");
    Future<String> future = under(request, () -> executor.submit(new Reserve()));
    while (!future.isDone()) {
      Thread.sleep(5);
    }
    return request;
  }

  @Test
  void aFailedSubmitThatNobodyReadsIsReportedUnobservedWithTheSubmittersTrace() throws Exception {
    CallContext request = submitAndForget(pool);

    List<FaultRecord> records = reports.collectUntil(traced(FaultKind.UNOBSERVED, request));

    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(FaultKind.UNOBSERVED);
              assertThat(r.traceId()).isEqualTo(request.traceId());
              assertThat(r.service()).isEqualTo("orders");
              assertThat(r.fault().code()).isEqualTo(Code.INTERNAL);
              assertThat(r.exception()).isEqualTo(IllegalStateException.class.getName());
              assertThat(r.task()).isEqualTo(Reserve.class.getName());
              assertThat(r.thread()).startsWith("pool-");
            });
  }

  @Test
  void onAPlainPoolTheSameFailureLeavesNothingBehind() throws Exception {
    ExecutorService jdk = FaultlineExecutors.wrap(plain, reports.options);
    submitAndForget(plain); // the JDK's own submit: the failure lives only in the lost future
    CallContext witness = submitAndForget(jdk);

    List<FaultRecord> records = reports.collectUntil(traced(FaultKind.UNOBSERVED, witness));

    assertThat(records).extracting(FaultRecord::traceId).containsExactly(witness.traceId());
  }

  @Test
  void aFailureReadThroughGetIsNotReported() throws Exception {
    CallContext read = CallContext.newTrace();
    Future<String> future = under(read, () -> pool.submit(new Reserve()));
    assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class);
    future = null;
    CallContext dropped = submitAndForget(pool);

    List<FaultRecord> records = reports.collectUntil(traced(FaultKind.UNOBSERVED, dropped));

    assertThat(records).extracting(FaultRecord::traceId).containsExactly(dropped.traceId());
  }

  @Test
  void aFutureStillReferencedIsNotReported() throws Exception {
    CallContext held = CallContext.newTrace();
    Future<String> future = under(held, () -> pool.submit(new Reserve()));
    while (!future.isDone()) {
      Thread.sleep(5);
    }
    CallContext dropped = submitAndForget(pool);

    List<FaultRecord> records = reports.collectUntil(traced(FaultKind.UNOBSERVED, dropped));

    assertThat(records).extracting(FaultRecord::traceId).containsExactly(dropped.traceId());
    Reference.reachabilityFence(future);
  }

  @Test
  void invokeAllHandsEveryOutcomeBackSoNothingIsReported() throws Exception {
    CallContext request = CallContext.newTrace();
    under(request, () -> pool.invokeAll(List.of(new Reserve(), new Reserve())));
    CallContext dropped = submitAndForget(pool);

    List<FaultRecord> records = reports.collectUntil(traced(FaultKind.UNOBSERVED, dropped));

    assertThat(records).extracting(FaultRecord::traceId).containsExactly(dropped.traceId());
  }

  @Test
  void aSucceededFutureIsNeverReported() throws Exception {
    under(CallContext.newTrace(), () -> pool.submit(() -> "ok")).get();
    CallContext dropped = submitAndForget(pool);

    assertThat(reports.collectUntil(traced(FaultKind.UNOBSERVED, dropped))).hasSize(1);
  }

  @Test
  void underStrictModeATaskThatLeaksAScopeFailsItsFuture() throws Exception {
    StrictContext.enable();
    try {
      Future<?> future = pool.submit(() -> CallContext.newTrace().makeCurrent());

      assertThatThrownBy(future::get).hasCauseInstanceOf(IllegalStateException.class);
      assertThat(plain.submit(() -> CallContext.current().isRoot()).get()).isTrue();
    } finally {
      StrictContext.disable();
    }
  }
}
