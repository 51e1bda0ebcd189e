package dev.faultline.journal;

import dev.faultline.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Where reported faults go: a bounded queue in front of a list of {@link JournalSink sinks}.
 *
 * <p>{@link #report} only enqueues and returns: it never blocks and never throws, whatever the
 * fault or the sinks. One daemon thread ({@code faultline-journal}) writes each record to every
 * sink in turn. A full queue drops the record (counted in {@link #dropped()}); a sink that throws
 * is counted in {@link #sinkFailures()} and the other sinks still get the record.
 *
 * <pre>{@code
 * FaultJournal.global().report(FaultKind.UNOBSERVED, Faults.classify(e), e, "reindex");
 *
 * MemorySink memory = MemorySink.withCapacity(100);        // in a test
 * FaultJournal journal = FaultJournal.create(memory);
 * }</pre>
 */
public final class FaultJournal {
  /** The queue capacity of a journal made without one. */
  public static final int DEFAULT_CAPACITY = 8192;

  private final List<JournalSink> sinks;
  private final Dispatcher dispatcher;

  private FaultJournal(int capacity, List<JournalSink> sinks) {
    this.sinks = new CopyOnWriteArrayList<>(sinks);
    this.dispatcher = new Dispatcher(capacity, this.sinks);
  }

  /**
   * The process-wide journal, made on first use. It writes to a {@link LoggerSink} and a {@link
   * JfrSink}, and appends NDJSON to the file named by the setting {@code faultline.journal}
   * (environment {@code FAULTLINE_JOURNAL}) when there is one. A shutdown hook flushes it for up to
   * one second, so that records reported just before exit are not lost.
   */
  public static FaultJournal global() {
    return GlobalJournal.INSTANCE;
  }

  /** An independent journal with these sinks and a queue of {@value #DEFAULT_CAPACITY} records. */
  public static FaultJournal create(JournalSink... sinks) {
    return create(DEFAULT_CAPACITY, sinks);
  }

  /** An independent journal with these sinks and a queue of {@code capacity} records. */
  public static FaultJournal create(int capacity, JournalSink... sinks) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be at least 1: " + capacity);
    }
    for (JournalSink sink : sinks) {
      Objects.requireNonNull(sink, "sink");
    }
    return new FaultJournal(capacity, List.of(sinks));
  }

  /**
   * Reports a fault: records it with the current time and thread and enqueues it. Never blocks,
   * never throws.
   *
   * @param exception the exception behind the fault, when there is one (only its class is kept)
   * @param task the label of the task that failed, when there is one
   */
  public void report(
      FaultKind kind, Fault fault, @Nullable Throwable exception, @Nullable String task) {
    try {
      report(FaultRecord.of(kind, fault, exception, task));
    } catch (Throwable e) {
      Quiet.warnOnce("journal.report", "Faultline journal could not record a fault", e);
    }
  }

  /** Enqueues a record made elsewhere. Never blocks, never throws. */
  public void report(FaultRecord record) {
    try {
      dispatcher.offer(Objects.requireNonNull(record, "record"));
    } catch (Throwable e) {
      Quiet.warnOnce("journal.report", "Faultline journal could not record a fault", e);
    }
  }

  /** Adds a sink that gets every record written from now on; returns this journal. */
  public FaultJournal addSink(JournalSink sink) {
    sinks.add(Objects.requireNonNull(sink, "sink"));
    return this;
  }

  /** Removes a sink (without closing it); true when it was there. */
  public boolean removeSink(JournalSink sink) {
    return sinks.remove(sink);
  }

  /** The sinks, in the order they are written to. */
  public List<JournalSink> sinks() {
    return List.copyOf(sinks);
  }

  /** How many records were accepted into the queue. */
  public long reported() {
    return dispatcher.accepted();
  }

  /** How many records were dropped because the queue was full. */
  public long dropped() {
    return dispatcher.dropped();
  }

  /** How many times a sink threw from {@code write} or {@code flush}. */
  public long sinkFailures() {
    return dispatcher.sinkFailures();
  }

  /**
   * Waits until every record reported so far has been written and the sinks flushed, for tests and
   * shutdown. Returns false when {@code timeout} passed first (a sink is slow or blocked).
   */
  public boolean flush(Duration timeout) {
    return dispatcher.flush(timeout);
  }

  /** The dispatcher thread while it runs, for tests. */
  @Nullable Thread dispatcherThread() {
    return dispatcher.thread();
  }
}
