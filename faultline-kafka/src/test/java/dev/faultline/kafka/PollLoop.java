package dev.faultline.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;

/** The user's poll loop, bounded in time, counting its polls. */
final class PollLoop {
  private final Consumer<byte[], byte[]> consumer;
  private final RecordProcessor<?, ?> processor;
  private final Duration pollTimeout;
  private long polls;

  PollLoop(
      Consumer<byte[], byte[]> consumer, RecordProcessor<?, ?> processor, Duration pollTimeout) {
    this.consumer = consumer;
    this.processor = processor;
    this.pollTimeout = pollTimeout;
  }

  /** Polls and processes until {@code done} or {@code timeout}; returns whether {@code done}. */
  boolean runUntil(BooleanSupplier done, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - end < 0) {
      processor.process(consumer.poll(pollTimeout));
      polls++;
      if (done.getAsBoolean()) {
        return true;
      }
    }
    return false;
  }

  /** Polls and processes for {@code time}. */
  void runFor(Duration time) {
    runUntil(() -> false, time);
  }

  long polls() {
    return polls;
  }
}
