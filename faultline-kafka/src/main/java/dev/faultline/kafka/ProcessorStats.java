package dev.faultline.kafka;

/**
 * A snapshot of what a {@link RecordProcessor} has done, for metrics and health checks.
 *
 * <pre>{@code
 * ProcessorStats stats = processor.stats();
 * gauge("kafka.dead_lettered", stats.deadLettered());
 * }</pre>
 */
public final class ProcessorStats {
  private final long processed;
  private final long retried;
  private final long deadLettered;
  private final long deadLetterFailures;
  private final long skipped;
  private final int pausedPartitions;

  ProcessorStats(
      long processed,
      long retried,
      long deadLettered,
      long deadLetterFailures,
      long skipped,
      int pausedPartitions) {
    this.processed = processed;
    this.retried = retried;
    this.deadLettered = deadLettered;
    this.deadLetterFailures = deadLetterFailures;
    this.skipped = skipped;
    this.pausedPartitions = pausedPartitions;
  }

  /** Records the handler completed, on any attempt. */
  public long processed() {
    return processed;
  }

  /** Retries scheduled after a retryable failure. */
  public long retried() {
    return retried;
  }

  /** Records whose dead letter the broker acknowledged (and whose offset was then committed). */
  public long deadLettered() {
    return deadLettered;
  }

  /** Failed attempts to write a dead letter; each is retried after a back-off. */
  public long deadLetterFailures() {
    return deadLetterFailures;
  }

  /** Records of a paused partition that were passed in and left for a later poll. */
  public long skipped() {
    return skipped;
  }

  /** Partitions paused now, waiting for a retry or for a dead letter to be written. */
  public int pausedPartitions() {
    return pausedPartitions;
  }

  /** All counters, for logs. */
  @Override
  public String toString() {
    return "ProcessorStats[processed="
        + processed
        + ", retried="
        + retried
        + ", deadLettered="
        + deadLettered
        + ", deadLetterFailures="
        + deadLetterFailures
        + ", skipped="
        + skipped
        + ", pausedPartitions="
        + pausedPartitions
        + "]";
  }
}
