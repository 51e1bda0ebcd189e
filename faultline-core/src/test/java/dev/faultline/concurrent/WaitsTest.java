package dev.faultline.concurrent;

import static dev.faultline.concurrent.Reports.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Code;
import dev.faultline.FaultException;
import dev.faultline.context.CallContext;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure mode 6: a timed wait gives up and the task's late failure is dropped. */
@Timeout(30)
class WaitsTest {
  private static final Duration SHORT = Duration.ofMillis(50);
  private final Reports reports = new Reports();
  private final ExecutorService plain = Executors.newFixedThreadPool(2);
  private final ExecutorService pool = FaultlineExecutors.wrap(plain, reports.options);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    plain.shutdownNow();
  }

  private String failWhenReleased() throws InterruptedException {
    release.await();
    throw new IllegalStateException("failed after the caller left");
  }

  private static void assertTimedOut(FaultException e, long millis) {
    assertThat(e.fault().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(e.fault().reason()).isEqualTo("WAIT_TIMED_OUT");
    assertThat(e.fault().metadata()).containsEntry("waitedMillis", Long.toString(millis));
  }

  @Test
  void aTimedOutWaitReportsTheTasksLaterFailureAsLateWithTheWaitersTrace() throws Exception {
    Future<String> future = pool.submit(this::failWhenReleased); // submitted from the root
    CallContext waiter = CallContext.newTrace().withService("checkout");

    FaultException timedOut = under(waiter, () -> catchFault(() -> Waits.get(future, SHORT)));
    release.countDown();

    assertTimedOut(timedOut, 50);
    assertThat(timedOut.fault().traceId()).isEqualTo(waiter.traceId());
    assertThat(reports.await(1))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(FaultKind.LATE);
              assertThat(r.traceId()).isEqualTo(waiter.traceId());
              assertThat(r.fault().metadata()).containsEntry("waitedMillis", "50");
              assertThat(r.exception()).isEqualTo(IllegalStateException.class.getName());
            });
    System.gc(); // the late report is the only one: no unobserved report follows
    assertThat(reports.collectAFewTimes()).hasSize(1);
  }

  @Test
  void aPlainTimedGetDropsTheLateFailure() throws Exception {
    Future<String> future = plain.submit(this::failWhenReleased);

    assertThatThrownBy(() -> future.get(50, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    release.countDown();

    assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class);
    assertThat(reports.all()).isEmpty();
  }

  @Test
  void aLateSuccessIsNotAFault() throws Exception {
    Future<String> future =
        pool.submit(
            () -> {
              release.await();
              return "ok";
            });

    catchFault(() -> Waits.get(future, SHORT));
    release.countDown();

    assertThat(future.get()).isEqualTo("ok");
    assertThat(reports.collectAFewTimes()).isEmpty();
  }

  @Test
  void aFailedTaskThrowsItsClassifiedStampedFaultWithTheOriginalAsCause() throws Exception {
    CallContext request = CallContext.newTrace();
    Future<String> future =
        pool.submit(
            () -> {
              throw new TimeoutException("pricing slow");
            });

    FaultException e =
        under(request, () -> catchFault(() -> Waits.get(future, Duration.ofSeconds(5))));

    assertThat(e.fault().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(e.fault().traceId()).isEqualTo(request.traceId());
    assertThat(e.getCause()).isInstanceOf(TimeoutException.class);
  }

  @Test
  void anInterruptedWaitIsCancelledAndKeepsTheInterruptFlag() throws Exception {
    Future<String> future = pool.submit(this::failWhenReleased);
    Thread.currentThread().interrupt();

    FaultException e = catchFault(() -> Waits.get(future, Duration.ofSeconds(5)));

    assertThat(Thread.interrupted()).isTrue();
    assertThat(e.fault().code()).isEqualTo(Code.CANCELLED);
    assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
  }

  @Test
  void orTimeoutFailsWithTheFaultAndReportsTheOriginalsLateFailure() throws Exception {
    CompletableFuture<String> original = new CompletableFuture<>();
    CallContext waiter = CallContext.newTrace();
    CompletableFuture<String> bounded =
        under(
            waiter,
            () -> Waits.orTimeout(FaultlineFutures.track(original, reports.options), SHORT));

    assertThatThrownBy(bounded::join).hasCauseInstanceOf(FaultException.class);
    assertTimedOut((FaultException) catchThrowable(bounded).getCause(), 50);
    original.completeExceptionally(new IllegalStateException("late"));

    assertThat(reports.await(1))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(FaultKind.LATE);
              assertThat(r.traceId()).isEqualTo(waiter.traceId());
            });
    assertThat(original.isCompletedExceptionally()).isTrue();
  }

  @Test
  void orTimeoutPassesAnInTimeOutcomeThrough() throws Exception {
    CompletableFuture<String> original = new CompletableFuture<>();
    CompletableFuture<String> bounded = Waits.orTimeout(original, Duration.ofSeconds(10));

    original.complete("fast");

    assertThat(bounded.get()).isEqualTo("fast");
  }

  @Test
  void anyOtherFutureIsWatchedForItsLateFailure() throws Exception {
    MemorySink global = MemorySink.withCapacity(100);
    FaultJournal.global().addSink(global);
    try {
      FutureTask<String> task = new FutureTask<>(this::failWhenReleased);
      plain.execute(task);
      CallContext waiter = CallContext.newTrace();

      under(waiter, () -> catchFault(() -> Waits.get(task, SHORT)));
      release.countDown();

      FaultJournal.global().flush(Duration.ofSeconds(5));
      assertThat(global.await(1, Duration.ofSeconds(10)))
          .filteredOn(r -> waiter.traceId().equals(r.traceId()))
          .singleElement()
          .extracting(FaultRecord::kind)
          .isEqualTo(FaultKind.LATE);
    } finally {
      FaultJournal.global().removeSink(global);
    }
  }

  private static Throwable catchThrowable(CompletableFuture<?> future) {
    try {
      future.join();
      throw new AssertionError("expected a failure");
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static FaultException catchFault(Runnable wait) {
    try {
      wait.run();
    } catch (FaultException e) {
      return e;
    }
    throw new AssertionError("expected a FaultException");
  }
}
