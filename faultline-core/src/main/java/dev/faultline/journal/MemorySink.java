package dev.faultline.journal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the last records in memory, for tests and the demo: a ring buffer of a fixed capacity that
 * forgets its oldest record when full.
 *
 * <pre>{@code
 * MemorySink memory = MemorySink.withCapacity(100);
 * FaultJournal.global().addSink(memory);
 * // … run the code under test …
 * assertThat(memory.await(1, Duration.ofSeconds(5))).singleElement()
 *     .extracting(FaultRecord::kind).isEqualTo(FaultKind.UNOBSERVED);
 * }</pre>
 */
public final class MemorySink implements JournalSink {
  private final int capacity;
  private final ArrayDeque<FaultRecord> records;
  private long total;

  private MemorySink(int capacity) {
    this.capacity = capacity;
    this.records = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** A sink that keeps the last {@code capacity} records. */
  public static MemorySink withCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    return new MemorySink(capacity);
  }

  /** Keeps the record, forgetting the oldest one when full, and wakes those who {@link #await}. */
  @Override
  public synchronized void write(FaultRecord record) {
    if (records.size() == capacity) {
      records.removeFirst();
    }
    records.addLast(record);
    total++;
    notifyAll();
  }

  /** The records kept, oldest first. */
  public synchronized List<FaultRecord> records() {
    return List.copyOf(records);
  }

  /** Forgets every record kept; {@link #total()} is not reset. */
  public synchronized void clear() {
    records.clear();
  }

  /** How many records were ever written, including those forgotten. */
  public synchronized long total() {
    return total;
  }

  /**
   * Waits until at least {@code count} records are kept, then returns the records; returns what is
   * kept when {@code timeout} passes first (or the thread is interrupted).
   *
   * @throws IllegalArgumentException when {@code count} is more than the capacity, which could
   *     never be reached
   */
  public synchronized List<FaultRecord> await(int count, Duration timeout) {
    if (count > capacity) {
      throw new IllegalArgumentException(
          "cannot await " + count + " records in a sink of capacity " + capacity);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (long left = timeout.toNanos(); records.size() < count && left > 0; ) {
        TimeUnit.NANOSECONDS.timedWait(this, left);
        left = deadline - System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return List.copyOf(records);
  }
}
