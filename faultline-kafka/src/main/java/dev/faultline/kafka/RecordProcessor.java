package dev.faultline.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Handles the records of a plain {@code KafkaConsumer} poll loop so that none is lost, skipped or
 * retried forever. For each record it makes the record's context current and runs the handler under
 * a deadline; a failure is classified, a retryable one ({@link dev.faultline.Code#isTransient()})
 * is retried with jittered exponential back-off, and a record that still fails, fails for good, or
 * cannot be deserialized is published unchanged to its dead-letter topic with the fault in {@code
 * faultline.*} headers ({@link DeadLetterHeaders}). Offsets are committed with {@code commitSync}
 * only past records that were handled or whose dead letter was acknowledged.
 *
 * <p>While a record waits for its retry or its dead letter, its partition is paused, so the loop
 * keeps polling (and other partitions keep flowing) without ever passing {@code
 * max.poll.interval.ms}. A dead-letter topic that cannot be written keeps the partition paused and
 * the dead letter is sent again after a back-off: the record is never skipped.
 *
 * <p>The consumer reads bytes ({@link ByteArrayDeserializer}, enforced by the types) so that a
 * record that cannot be deserialized reaches the processor instead of failing {@code poll}: the
 * processor deserializes with the deserializers given to the builder and dead-letters a poison
 * record at once. Disable auto-commit ({@code enable.auto.commit=false}); the consumer needs a
 * {@code group.id}. Call {@link #process} on the poll thread, with every batch, also empty ones:
 * due retries run there.
 *
 * <pre>{@code
 * KafkaConsumer<byte[], byte[]> consumer =
 *     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
 * KafkaProducer<byte[], byte[]> deadLetters =
 *     new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
 * try (RecordProcessor<String, Order> processor =
 *     RecordProcessor.builder(consumer, deadLetters, new StringDeserializer(), orderDeserializer)
 *         .handler(record -> orders.place(record.value()))
 *         .maxAttempts(3)
 *         .backoff(Duration.ofMillis(100), Duration.ofSeconds(5))
 *         .deadLetterTopic(topic -> topic + ".dlt")
 *         .build()) {
 *   consumer.subscribe(List.of("orders"));
 *   while (running) {
 *     processor.process(consumer.poll(Duration.ofMillis(100)));
 *   }
 * }
 * }</pre>
 *
 * @param <K> the key type the handler sees
 * @param <V> the value type the handler sees
 */
public interface RecordProcessor<K, V> extends AutoCloseable {
  /**
   * A builder for a processor whose handler sees the raw bytes of keys and values.
   *
   * @param consumer the consumer whose records are processed; its partitions are paused, resumed,
   *     sought and committed by the processor
   * @param deadLetters the producer that writes dead letters; {@code acks=all} recommended
   */
  static RecordProcessorBuilder<byte[], byte[]> builder(
      Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetters) {
    return new RecordProcessorBuilder<>(
        consumer, deadLetters, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * A builder for a processor that deserializes keys and values itself, so that a record that
   * cannot be deserialized is dead-lettered instead of failing the poll.
   */
  static <K, V> RecordProcessorBuilder<K, V> builder(
      Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> deadLetters,
      Deserializer<K> keys,
      Deserializer<V> values) {
    return new RecordProcessorBuilder<>(consumer, deadLetters, keys, values);
  }

  /**
   * Processes a batch from {@code consumer.poll(…)}, and whatever became due since the last call:
   * retries whose back-off has passed, dead letters acknowledged or to be sent again. Returns when
   * the batch is done or parked; commits what is done. Never throws for a record's failure; throws
   * Kafka's {@code WakeupException} or {@code InterruptException} as {@code poll} does.
   */
  void process(ConsumerRecords<byte[], byte[]> records);

  /** What the processor has done so far, and how many partitions it holds paused now. */
  ProcessorStats stats();

  /**
   * Stops the processor's threads. Records still waiting are not committed: the next owner of their
   * partitions gets them again. Closes neither the consumer nor the producer.
   */
  @Override
  void close();
}
