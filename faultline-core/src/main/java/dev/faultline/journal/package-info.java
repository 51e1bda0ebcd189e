/**
 * Where reported faults go. A {@link dev.faultline.journal.FaultJournal} takes every fault that
 * Faultline reports on its own (an uncaught task failure, an unobserved future, a late outcome, a
 * dead letter, …) and hands it to its sinks on a background thread: {@link
 * dev.faultline.journal.LoggerSink} ({@link System.Logger}), {@link dev.faultline.journal.JfrSink}
 * (JDK Flight Recorder events), {@link dev.faultline.journal.NdjsonSink} (one JSON object per line)
 * and {@link dev.faultline.journal.MemorySink} (for tests). Reporting never blocks and never
 * throws: a slow or failing sink costs records, counted, never the application's time.
 */
@NullMarked
package dev.faultline.journal;

import org.jspecify.annotations.NullMarked;
