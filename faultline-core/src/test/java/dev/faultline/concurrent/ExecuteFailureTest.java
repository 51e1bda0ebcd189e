package dev.faultline.concurrent;

import static dev.faultline.concurrent.Reports.under;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.context.CallContext;
import dev.faultline.context.StrictContext;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure mode 5: a task given to execute() throws; the pool only prints it, with no trace. */
@Timeout(30)
class ExecuteFailureTest {
  private final Reports reports = new Reports();
  private final BlockingQueue<Throwable> uncaught = new LinkedBlockingQueue<>();
  private final BlockingQueue<Boolean> handlerSawRoot = new LinkedBlockingQueue<>();
  private final ThreadFactory recording =
      task -> {
        Thread t = new Thread(task);
        t.setUncaughtExceptionHandler(
            (thread, e) -> {
              handlerSawRoot.add(CallContext.current().isRoot());
              uncaught.add(e);
            });
        return t;
      };
  private final ExecutorService plain = Executors.newFixedThreadPool(2, recording);

  @AfterEach
  void stop() {
    plain.shutdownNow();
  }

  static final class Reindex implements Runnable, LabeledTask {
    @Override
    public void run() {
      throw new UnsupportedOperationException("reindex");
    }

    @Override
    public String taskLabel() {
      return "reindex:shard-7";
    }
  }

  @Test
  void aFailingExecuteIsReportedUncaughtWithTraceAndLabelAndStillReachesThePool() throws Exception {
    ExecutorService pool = FaultlineExecutors.wrap(plain, reports.options);
    CallContext request = CallContext.newTrace().withService("search");

    under(request, () -> execute(pool, new Reindex()));

    assertThat(uncaught.poll(10, TimeUnit.SECONDS))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(reports.await(1))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(FaultKind.UNCAUGHT);
              assertThat(r.traceId()).isEqualTo(request.traceId());
              assertThat(r.service()).isEqualTo("search");
              assertThat(r.fault().code()).isEqualTo(Code.UNIMPLEMENTED);
              assertThat(r.task()).isEqualTo("reindex:shard-7");
              assertThat(r.exception()).isEqualTo(UnsupportedOperationException.class.getName());
            });
  }

  @Test
  void anUnlabelledTaskIsLabelledWithItsClassName() throws Exception {
    ExecutorService pool = FaultlineExecutors.wrap(plain, reports.options);
    Runnable failing =
        () -> {
          throw new IllegalStateException("boom");
        };

    pool.execute(failing);

    assertThat(reports.await(1))
        .singleElement()
        .extracting(FaultRecord::task)
        .isEqualTo(getClass().getName() + "$$Lambda");
  }

  @Test
  void onAPlainPoolTheFailureReachesOnlyTheThreadWithNoTraceAndNoReport() throws Exception {
    CallContext request = CallContext.newTrace();

    under(request, () -> execute(plain, new Reindex()));

    assertThat(uncaught.poll(10, TimeUnit.SECONDS))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(handlerSawRoot.poll(10, TimeUnit.SECONDS)).isTrue();
    assertThat(reports.all()).isEmpty();
  }

  @Test
  void underStrictModeATaskThatLeaksAScopeIsReportedAndThrown() throws Exception {
    ExecutorService pool = FaultlineExecutors.wrap(plain, reports.options);
    CallContext request = CallContext.newTrace();
    StrictContext.enable();
    try {
      under(request, () -> execute(pool, () -> CallContext.newTrace().makeCurrent()));

      assertThat(uncaught.poll(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
      List<FaultRecord> records = reports.await(1);
      assertThat(records)
          .singleElement()
          .extracting(FaultRecord::traceId)
          .isEqualTo(request.traceId());
    } finally {
      StrictContext.disable();
    }
    assertThat(plain.submit(() -> CallContext.current().isRoot()).get()).isTrue();
  }

  private static Void execute(ExecutorService pool, Runnable task) {
    pool.execute(task);
    return null;
  }
}
