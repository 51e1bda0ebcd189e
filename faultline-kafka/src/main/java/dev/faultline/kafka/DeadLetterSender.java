package dev.faultline.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends dead letters from a thread of its own: {@code Producer.send} may block for {@code
 * max.block.ms} (a missing topic, a full buffer), and the poll thread must not.
 */
final class DeadLetterSender implements AutoCloseable {
  private final Producer<byte[], byte[]> producer;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread t = new Thread(task, "faultline-kafka-dead-letters");
            t.setDaemon(true);
            return t;
          });

  DeadLetterSender(Producer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  /** Completes with the broker's acknowledgement, or exceptionally when the send failed. */
  CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
    CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
    try {
      thread.execute(() -> sendNow(record, acked));
    } catch (RuntimeException e) {
      acked.completeExceptionally(e);
    }
    return acked;
  }

  private void sendNow(
      ProducerRecord<byte[], byte[]> record, CompletableFuture<RecordMetadata> acked) {
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              acked.complete(metadata);
            } else {
              acked.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      acked.completeExceptionally(e);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
