package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A journal of a test's own, with a memory sink, and the waits the tests share. */
final class Reports {
  final MemorySink sink = MemorySink.withCapacity(10_000);
  final FaultJournal journal = FaultJournal.create(sink);
  final ExecutorOptions options = ExecutorOptions.defaults().withJournal(journal);

  /** Every record reported so far, once written. */
  List<FaultRecord> all() {
    journal.flush(Duration.ofSeconds(5));
    return sink.records();
  }

  /** The records of {@code kind} reported so far. */
  List<FaultRecord> of(FaultKind kind) {
    return all().stream().filter(r -> r.kind() == kind).collect(Collectors.toList());
  }

  /** Waits up to 10 s for {@code count} records. */
  List<FaultRecord> await(int count) {
    return sink.await(count, Duration.ofSeconds(10));
  }

  /**
   * Runs the garbage collector until a record matching {@code wanted} arrives, for up to 10 s;
   * returns the records then (which the caller asserts on).
   */
  List<FaultRecord> collectUntil(Predicate<FaultRecord> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      System.gc();
      journal.flush(Duration.ofMillis(200));
      if (sink.records().stream().anyMatch(wanted)) {
        break;
      }
      Thread.sleep(20);
    }
    return all();
  }

  /** Runs the garbage collector a few times, to give a wrong report a chance to arrive. */
  List<FaultRecord> collectAFewTimes() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(40);
    }
    return all();
  }

  static Predicate<FaultRecord> traced(FaultKind kind, CallContext context) {
    return r -> r.kind() == kind && context.traceId().equals(r.traceId());
  }

  /** Runs {@code work} with {@code context} current on this thread. */
  @SuppressWarnings("try")
  static <T> T under(CallContext context, Callable<T> work) throws Exception {
    try (Scope scope = context.makeCurrent()) {
      return work.call();
    }
  }
}
