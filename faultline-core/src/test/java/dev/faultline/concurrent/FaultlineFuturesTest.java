package dev.faultline.concurrent;

import static dev.faultline.concurrent.Reports.traced;
import static dev.faultline.concurrent.Reports.under;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.context.CallContext;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure mode 5: a CompletableFuture fails and nobody handles it. */
@Timeout(30)
class FaultlineFuturesTest {
  private final Reports reports = new Reports();
  private final ExecutorService plain = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    plain.shutdownNow();
  }

  static final class Quote implements Supplier<String> {
    @Override
    public String get() {
      throw new IllegalStateException("pricing down");
    }
  }

  /** Starts a chain under a new trace, waits until it is done, and drops it. */
  private CallContext failAndForget(boolean faultline) throws Exception {
    CallContext request = CallContext.newTrace();
    CompletableFuture<Integer> last =
        under(
            request,
            () ->
                (faultline
                        ? FaultlineFutures.supplyAsync(new Quote(), plain, reports.options)
                        : CompletableFuture.supplyAsync(new Quote(), plain))
                    .thenApply(String::length));
    while (!last.isDone()) {
      Thread.sleep(5);
    }
    return request;
  }

  @Test
  void anUnhandledFailingChainIsReportedOnceAtItsEndWithTheCallersTrace() throws Exception {
    CallContext request = failAndForget(true);

    List<FaultRecord> records = reports.collectUntil(traced(FaultKind.UNOBSERVED, request));

    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.traceId()).isEqualTo(request.traceId());
              assertThat(r.fault().code()).isEqualTo(Code.INTERNAL);
              assertThat(r.exception()).isEqualTo(IllegalStateException.class.getName());
            });
  }

  @Test
  void aPlainCompletableFutureThatFailsUnhandledLeavesNothingBehind() throws Exception {
    failAndForget(false);
    CallContext witness = failAndForget(true);

    assertThat(reports.collectUntil(traced(FaultKind.UNOBSERVED, witness)))
        .extracting(FaultRecord::traceId)
        .containsExactly(witness.traceId());
  }

  @Test
  void aHandledOrJoinedFailureIsNotReported() throws Exception {
    FaultlineFutures.supplyAsync(new Quote(), plain, reports.options)
        .exceptionally(e -> "fallback")
        .join();
    FaultlineFutures.supplyAsync(new Quote(), plain, reports.options)
        .handle((v, e) -> "handled")
        .join();
    CompletableFuture<String> joined =
        FaultlineFutures.supplyAsync(new Quote(), plain, reports.options);
    joined.exceptionally(e -> null).join();
    joined = FaultlineFutures.supplyAsync(new Quote(), plain, reports.options);
    joined.whenComplete((v, e) -> {}).exceptionally(e -> null).join();
    joined = null;
    CallContext witness = failAndForget(true);

    assertThat(reports.collectUntil(traced(FaultKind.UNOBSERVED, witness)))
        .extracting(FaultRecord::traceId)
        .containsExactly(witness.traceId());
  }

  @Test
  void theSupplierAndAsyncStagesRunUnderTheCallersContext() throws Exception {
    CallContext request = CallContext.newTrace();

    CompletableFuture<List<String>> seen =
        under(
            request,
            () ->
                FaultlineFutures.supplyAsync(() -> CallContext.current().traceId(), plain)
                    .thenApplyAsync(first -> List.of(first, CallContext.current().traceId())));

    assertThat(seen.get()).containsExactly(request.traceId(), request.traceId());
    assertThat(plain.submit(() -> CallContext.current().isRoot()).get()).isTrue();
  }

  @Test
  void aPlainSupplyAsyncLosesTheCallersContext() throws Exception {
    CallContext request = CallContext.newTrace();

    CompletableFuture<Boolean> root =
        under(request, () -> CompletableFuture.supplyAsync(() -> CallContext.current().isRoot()));

    assertThat(root.get()).isTrue();
  }

  @Test
  void aTrackedCopyOfAPlainFutureReportsItsUnhandledFailure() throws Exception {
    CallContext request = CallContext.newTrace();
    CompletableFuture<String> source = new CompletableFuture<>();
    under(request, () -> FaultlineFutures.track(source, reports.options));
    source.completeExceptionally(new IllegalStateException("late"));

    assertThat(reports.collectUntil(traced(FaultKind.UNOBSERVED, request))).hasSize(1);
  }

  @Test
  void aCancelledStageIsNotAFailureToReport() throws Exception {
    FaultlineFutures.track(new CompletableFuture<String>(), reports.options).cancel(false);
    CallContext witness = failAndForget(true);

    assertThat(reports.collectUntil(traced(FaultKind.UNOBSERVED, witness))).hasSize(1);
  }
}
