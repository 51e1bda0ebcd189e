package dev.faultline.kafka;

import java.util.concurrent.atomic.AtomicLong;

/** The counters of a processor: written by the poll thread, read by any. */
final class Counters {
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong deadLetterFailures = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private volatile int paused;

  void processed() {
    processed.incrementAndGet();
  }

  void retried() {
    retried.incrementAndGet();
  }

  void deadLettered() {
    deadLettered.incrementAndGet();
  }

  void deadLetterFailed() {
    deadLetterFailures.incrementAndGet();
  }

  void skipped(int records) {
    skipped.addAndGet(records);
  }

  void paused(int partitions) {
    paused = partitions;
  }

  ProcessorStats snapshot() {
    return new ProcessorStats(
        processed.get(),
        retried.get(),
        deadLettered.get(),
        deadLetterFailures.get(),
        skipped.get(),
        paused);
  }
}
