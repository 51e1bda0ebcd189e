package dev.faultline.concurrent;

import static dev.faultline.concurrent.Reports.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.context.CallContext;
import dev.faultline.journal.FaultKind;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure mode 5: a periodic task throws once and is silently never run again. */
@Timeout(30)
class PeriodicTaskTest {
  private final Reports reports = new Reports();
  private final ScheduledExecutorService plain = Executors.newScheduledThreadPool(1);

  @AfterEach
  void stop() {
    plain.shutdownNow();
  }

  /** Throws on its first run only; counts runs, and the runs that did not see the trace. */
  static final class Poll implements Runnable {
    final AtomicInteger runs = new AtomicInteger();
    final AtomicInteger foreign = new AtomicInteger();
    final CountDownLatch third = new CountDownLatch(3);
    final String traceId;

    Poll(String traceId) {
      this.traceId = traceId;
    }

    @Override
    public void run() {
      if (!traceId.equals(CallContext.current().traceId())) {
        foreign.incrementAndGet();
      }
      int run = runs.incrementAndGet();
      third.countDown();
      if (run == 1) {
        throw new IllegalStateException("poll failed once");
      }
    }
  }

  @Test
  void underContinueAPeriodicTaskThatThrowsOnceKeepsRunningAndTheFailureIsReported()
      throws Exception {
    ScheduledExecutorService scheduler = FaultlineExecutors.wrap(plain, reports.options);
    CallContext request = CallContext.newTrace().withService("poller");
    Poll poll = new Poll(request.traceId());

    ScheduledFuture<?> schedule =
        under(request, () -> scheduler.scheduleAtFixedRate(poll, 0, 5, TimeUnit.MILLISECONDS));

    assertThat(poll.third.await(10, TimeUnit.SECONDS)).isTrue();
    schedule.cancel(false);
    assertThat(poll.runs.get()).isGreaterThanOrEqualTo(3);
    assertThat(poll.foreign.get()).isZero();
    assertThat(reports.await(1))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(FaultKind.PERIODIC);
              assertThat(r.traceId()).isEqualTo(request.traceId());
              assertThat(r.service()).isEqualTo("poller");
              assertThat(r.task()).isEqualTo(Poll.class.getName());
            });
  }

  @Test
  void underStopAPeriodicTaskThatThrowsIsReportedAndEndsLikeTheJdkDoes() throws Exception {
    ScheduledExecutorService scheduler =
        FaultlineExecutors.wrap(plain, reports.options.withPeriodicFailures(PeriodicFailures.STOP));
    Poll poll = new Poll("none");

    ScheduledFuture<?> schedule =
        scheduler.scheduleWithFixedDelay(poll, 0, 5, TimeUnit.MILLISECONDS);

    assertThatThrownBy(() -> schedule.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    Thread.sleep(50);
    assertThat(poll.runs.get()).isEqualTo(1);
    assertThat(reports.await(1))
        .singleElement()
        .extracting(r -> r.kind())
        .isEqualTo(FaultKind.PERIODIC);
  }

  @Test
  void onAPlainSchedulerATaskThatThrowsOnceNeverRunsAgainAndNothingIsReported() throws Exception {
    Poll poll = new Poll("none");

    ScheduledFuture<?> schedule = plain.scheduleAtFixedRate(poll, 0, 5, TimeUnit.MILLISECONDS);

    assertThat(poll.third.await(300, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(poll.runs.get()).isEqualTo(1);
    assertThat(schedule.isDone()).isTrue();
    assertThat(reports.all()).isEmpty();
  }

  @Test
  void aOneShotScheduledTaskIsTrackedLikeASubmittedOne() throws Exception {
    ScheduledExecutorService scheduler = FaultlineExecutors.wrap(plain, reports.options);
    CallContext request = CallContext.newTrace();
    CountDownLatch ran = new CountDownLatch(1);
    under(
        request,
        () ->
            scheduler.schedule(
                () -> {
                  ran.countDown();
                  throw new IllegalStateException("once");
                },
                1,
                TimeUnit.MILLISECONDS));
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(reports.collectUntil(Reports.traced(FaultKind.UNOBSERVED, request)))
        .singleElement()
        .extracting(r -> r.traceId())
        .isEqualTo(request.traceId());
  }

  @Test
  void aScheduledFutureReportsItsDelayAndCancelsTheTask() throws Exception {
    ScheduledExecutorService scheduler = FaultlineExecutors.wrap(plain, reports.options);
    AtomicInteger runs = new AtomicInteger();

    ScheduledFuture<?> future = scheduler.schedule(runs::incrementAndGet, 1, TimeUnit.HOURS);

    assertThat(future.getDelay(TimeUnit.MINUTES)).isBetween(58L, 60L);
    assertThat(future.cancel(false)).isTrue();
    assertThat(future.isCancelled()).isTrue();
    assertThat(runs.get()).isZero();
  }
}
