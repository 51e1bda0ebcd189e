package dev.faultline.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs on Java 21 and newer only (src/test/java21): the same behaviour on virtual threads. */
@Timeout(30)
@SuppressWarnings("try") // scopes are opened for their effect, not referenced
class VirtualThreadExecutorsTest {
  private final MemorySink sink = MemorySink.withCapacity(100);
  private final FaultJournal journal = FaultJournal.create(sink);
  private final ExecutorOptions options = ExecutorOptions.defaults().withJournal(journal);

  @Test
  void aWrappedVirtualThreadExecutorCarriesTheContext() throws Exception {
    CallContext request = CallContext.newTrace();
    try (ExecutorService pool =
        FaultlineExecutors.wrap(Executors.newVirtualThreadPerTaskExecutor(), options)) {
      Future<Boolean> virtual = pool.submit(() -> Thread.currentThread().isVirtual());
      Future<CallContext> seen;
      try (Scope scope = request.makeCurrent()) {
        seen = pool.submit(CallContext::current);
      }
      assertThat(virtual.get()).isTrue();
      assertThat(seen.get()).isSameAs(request);
    }
  }

  @Test
  void aFailingExecuteOnAVirtualThreadIsReportedWithTheSubmittersTrace() throws Exception {
    CallContext request = CallContext.newTrace();
    try (ExecutorService pool =
        FaultlineExecutors.wrap(Executors.newVirtualThreadPerTaskExecutor(), options)) {
      try (Scope scope = request.makeCurrent()) {
        pool.execute(
            () -> {
              throw new IllegalStateException("virtual boom");
            });
      }
    }
    List<FaultRecord> records = sink.await(1, Duration.ofSeconds(10));

    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(FaultKind.UNCAUGHT);
              assertThat(r.traceId()).isEqualTo(request.traceId());
            });
  }

  @Test
  void anUnobservedFailureOnAVirtualThreadIsReported() throws Exception {
    CallContext request = CallContext.newTrace();
    try (ExecutorService pool =
        FaultlineExecutors.wrap(Executors.newVirtualThreadPerTaskExecutor(), options)) {
      submitAndForget(pool, request);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (sink.records().isEmpty() && System.nanoTime() < deadline) {
      System.gc();
      journal.flush(Duration.ofMillis(200));
    }

    assertThat(sink.records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(FaultKind.UNOBSERVED);
              assertThat(r.traceId()).isEqualTo(request.traceId());
            });
  }

  private static void submitAndForget(ExecutorService pool, CallContext request) {
    try (Scope scope = request.makeCurrent()) {
      pool.submit(
          () -> {
            throw new IllegalStateException("nobody reads me");
          });
    }
  }

  @Test
  void aPlainVirtualThreadLosesTheContextAndCallContextWrapCarriesIt() throws Exception {
    CallContext request = CallContext.newTrace();
    AtomicReference<CallContext> plain = new AtomicReference<>();
    AtomicReference<CallContext> wrapped = new AtomicReference<>();
    AtomicBoolean leftBehind = new AtomicBoolean(true);
    try (Scope scope = request.makeCurrent()) {
      Thread.ofVirtual().start(() -> plain.set(CallContext.current())).join();
      Thread.ofVirtual()
          .start(
              request.wrap(
                  (Runnable)
                      () -> {
                        wrapped.set(CallContext.current());
                      }))
          .join();
    }
    Thread.ofVirtual().start(() -> leftBehind.set(!CallContext.current().isRoot())).join();

    assertThat(plain.get().isRoot()).isTrue();
    assertThat(wrapped.get()).isSameAs(request);
    assertThat(leftBehind).isFalse();
  }
}
