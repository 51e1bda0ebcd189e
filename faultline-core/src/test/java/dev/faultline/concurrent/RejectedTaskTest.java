package dev.faultline.concurrent;

import static dev.faultline.concurrent.Reports.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Code;
import dev.faultline.context.CallContext;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pool that is full drops tasks without a trace under the discard policies. */
@Timeout(30)
class RejectedTaskTest {
  private final Reports reports = new Reports();
  private final CountDownLatch release = new CountDownLatch(1);
  private ThreadPoolExecutor plain;

  @AfterEach
  void stop() {
    release.countDown();
    plain.shutdownNow();
  }

  /** A pool of one thread and a queue of one, whose thread is busy until released. */
  private ThreadPoolExecutor full(RejectedExecutionHandler handler) throws InterruptedException {
    plain = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), handler);
    CountDownLatch busy = new CountDownLatch(1);
    plain.execute(
        () -> {
          busy.countDown();
          awaitRelease();
        });
    busy.await();
    return plain;
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static final class Queued implements Runnable {
    @Override
    public void run() {}
  }

  static final class Dropped implements Runnable {
    @Override
    public void run() {}
  }

  @Test
  void aTaskTheDiscardPolicyDropsIsReportedRejectedWithTheSubmittersTrace() throws Exception {
    ExecutorService pool =
        FaultlineExecutors.wrap(full(new ThreadPoolExecutor.DiscardPolicy()), reports.options);
    CallContext request = CallContext.newTrace();
    pool.execute(new Queued());

    under(request, () -> pool.submit(new Dropped()));

    assertThat(reports.await(1))
        .singleElement()
        .satisfies(r -> assertRejected(r, request, Dropped.class));
  }

  @Test
  void theOldestTaskTheDiscardOldestPolicyDropsIsReportedRejected() throws Exception {
    ExecutorService pool =
        FaultlineExecutors.wrap(
            full(new ThreadPoolExecutor.DiscardOldestPolicy()), reports.options);
    CallContext first = CallContext.newTrace();
    under(first, () -> pool.submit(new Dropped())); // queued, then pushed out

    pool.execute(new Queued());

    assertThat(reports.await(1))
        .singleElement()
        .satisfies(r -> assertRejected(r, first, Dropped.class));
    assertThat(plain.getQueue()).hasSize(1);
  }

  @Test
  void onAPlainPoolTheDiscardPolicyLeavesNoTrace() throws Exception {
    ThreadPoolExecutor jdk = full(new ThreadPoolExecutor.DiscardPolicy());
    jdk.execute(new Queued());

    jdk.execute(new Dropped());

    assertThat(jdk.getQueue()).hasSize(1);
    assertThat(reports.all()).isEmpty();
  }

  @Test
  void anAbortedTaskReachesTheCallerAndIsNotReported() throws Exception {
    ExecutorService pool =
        FaultlineExecutors.wrap(full(new ThreadPoolExecutor.AbortPolicy()), reports.options);
    pool.execute(new Queued());

    assertThatThrownBy(() -> pool.execute(new Dropped()))
        .isInstanceOf(RejectedExecutionException.class);
    assertThat(plain.getRejectedExecutionHandler())
        .isInstanceOf(ThreadPoolExecutor.AbortPolicy.class);
    assertThat(reports.all()).isEmpty();
  }

  private static void assertRejected(FaultRecord r, CallContext request, Class<?> task) {
    assertThat(r.kind()).isEqualTo(FaultKind.REJECTED);
    assertThat(r.fault().code()).isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(r.traceId()).isEqualTo(request.traceId());
    assertThat(r.task()).isEqualTo(task.getName());
  }
}
