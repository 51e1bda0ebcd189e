package dev.faultline.http;

import dev.faultline.journal.FaultJournal;
import dev.faultline.wire.DecodeLimits;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one decorated client, fixed when it is built.
 *
 * @param journal where faults that reach no caller go; null means the global journal, looked up
 *     only when one is reported
 */
record ClientSettings(
    IntPredicate isError, boolean throwOnError, int maxErrorBody, @Nullable FaultJournal journal) {

  /** The limits an error body is decoded with: at most {@link #maxErrorBody()} bytes. */
  DecodeLimits limits() {
    return DecodeLimits.DEFAULT.withMaxBytes(Math.max(1, maxErrorBody));
  }

  /** The journal to report to. */
  FaultJournal journalOrGlobal() {
    FaultJournal j = journal;
    return j != null ? j : FaultJournal.global();
  }
}
