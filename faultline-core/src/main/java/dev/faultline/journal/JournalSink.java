package dev.faultline.journal;

/**
 * Where a {@link FaultJournal} writes its records. The journal calls a sink from its one dispatcher
 * thread only, never from the thread that reported the fault, so a sink may block or throw without
 * harming the application: a sink that throws is counted in {@link FaultJournal#sinkFailures()},
 * and one that blocks only delays the records behind it.
 *
 * <pre>{@code
 * FaultJournal.global().addSink(record -> metrics.count(record.kind(), record.fault().code()));
 * }</pre>
 */
@FunctionalInterface
public interface JournalSink {
  /** Writes one record; may buffer it until {@link #flush()}. */
  void write(FaultRecord record) throws Exception;

  /** Pushes buffered records out; called when the journal's queue is drained, and on flush. */
  default void flush() throws Exception {}

  /** Releases what the sink holds; the journal never calls it, its owner does. */
  default void close() throws Exception {}
}
