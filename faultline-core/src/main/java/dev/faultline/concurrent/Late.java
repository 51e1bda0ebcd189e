package dev.faultline.concurrent;

import dev.faultline.Fault;
import dev.faultline.Faults;
import dev.faultline.context.CallContext;
import dev.faultline.internal.FaultStamp;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import org.jspecify.annotations.Nullable;

/** A waiter that gave up on a task: whose request it was, and how long it had waited. */
final class Late {
  private final CallContext waiter;
  private final long waitedMillis;

  Late(CallContext waiter, long waitedMillis) {
    this.waiter = waiter;
    this.waitedMillis = waitedMillis;
  }

  /** {@code fault}, stamped with the waiter's trace and the time it waited. */
  Fault stamp(Fault fault) {
    return FaultStamp.stamp(fault, waiter)
        .withMetadata("waitedMillis", Long.toString(waitedMillis));
  }

  /** Reports the late failure {@code failure} of the task this waiter abandoned. */
  void report(FaultJournal journal, Throwable failure, @Nullable String task) {
    Throwable cause = Tasks.unwrap(failure);
    Fault fault = stamp(Faults.classify(cause));
    journal.report(FaultRecord.of(FaultKind.LATE, fault, cause, task));
  }
}
