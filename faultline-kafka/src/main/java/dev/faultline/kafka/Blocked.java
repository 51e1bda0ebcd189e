package dev.faultline.kafka;

import dev.faultline.context.CallContext;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A partition held at one record: paused, its position just past that record, waiting either for
 * the next attempt at it or for its dead letter to be written. Mutable; used by the poll thread
 * only.
 */
final class Blocked {
  enum Stage {
    /** The handler failed with a retryable fault; the next attempt is due at {@link #dueNanos}. */
    RETRY,
    /** The dead letter was sent; waiting for the broker's acknowledgement. */
    SENDING,
    /** Writing the dead letter failed; the next try is due at {@link #dueNanos}. */
    RESEND
  }

  final ConsumerRecord<byte[], byte[]> record;
  CallContext context;
  Stage stage;
  long dueNanos;
  @Nullable Failure failure;
  @Nullable CompletableFuture<RecordMetadata> sent;
  int sendFailures;

  Blocked(ConsumerRecord<byte[], byte[]> record, CallContext context) {
    this.record = record;
    this.context = context;
    this.stage = Stage.RETRY;
  }

  boolean isDue(long now) {
    return now - dueNanos >= 0;
  }
}
