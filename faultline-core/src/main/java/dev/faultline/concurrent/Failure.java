package dev.faultline.concurrent;

import dev.faultline.Fault;
import dev.faultline.Faults;
import dev.faultline.context.CallContext;
import dev.faultline.internal.FaultStamp;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import java.lang.ref.Cleaner;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The failure of a future, kept apart from the future: it is the {@link Cleaner} action that
 * reports {@link FaultKind#UNOBSERVED} once the future is unreachable, so it holds the fault, the
 * context and the observed flag, never the future. A failure is reported at most once: as
 * unobserved, as {@link FaultKind#LATE}, or not at all when someone observed it.
 */
final class Failure implements Runnable {
  private static final Cleaner CLEANER = Cleaner.create(Failure::cleanerThread);

  private final Fault fault;
  private final @Nullable String exception;
  private final @Nullable CallContext context;
  private final @Nullable String task;
  private final ExecutorOptions options;
  private final String thread = Thread.currentThread().getName();
  private final Instant time = Instant.now();
  private final AtomicBoolean settled = new AtomicBoolean();

  Failure(
      Throwable failure,
      @Nullable CallContext context,
      @Nullable String task,
      ExecutorOptions options) {
    Throwable cause = Tasks.unwrap(failure);
    this.fault = Faults.classify(cause);
    this.exception = cause.getClass().getName();
    this.context = context;
    this.task = task;
    this.options = options;
  }

  /** Reports this failure as unobserved once {@code future} is unreachable, unless settled. */
  void watch(Object future) {
    CLEANER.register(future, this);
  }

  /** Someone saw the failure: it will not be reported. */
  void observed() {
    settled.set(true);
  }

  /** Reports the failure as late, for {@code waiter}, unless it was observed or reported. */
  void late(Late waiter) {
    if (settled.compareAndSet(false, true)) {
      report(FaultKind.LATE, waiter.stamp(fault));
    }
  }

  /** The cleaning action: the future is unreachable, and nobody observed its failure. */
  @Override
  public void run() {
    if (settled.compareAndSet(false, true)) {
      report(FaultKind.UNOBSERVED, FaultStamp.stamp(fault, Tasks.orRoot(context)));
    }
  }

  private void report(FaultKind kind, Fault stamped) {
    Fault withException =
        stamped.exception() == null ? stamped.toBuilder().exception(exception).build() : stamped;
    FaultRecord record = FaultRecord.of(kind, withException, null, task);
    options.journal().report(record.withThread(thread).withTime(time));
  }

  private static Thread cleanerThread(Runnable cleaner) {
    Thread t = new Thread(null, cleaner, "faultline-unobserved", 0, false);
    t.setDaemon(true);
    return t;
  }
}
