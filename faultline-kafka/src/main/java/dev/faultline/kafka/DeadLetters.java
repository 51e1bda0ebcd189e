package dev.faultline.kafka;

import dev.faultline.internal.Warnings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Sends dead letters back to the topics they came from, once their cause is fixed.
 *
 * <pre>{@code
 * Map<String, Object> config = Map.of(
 *     "bootstrap.servers", "localhost:9092", "group.id", "orders-replay");
 * long replayed = DeadLetters.replay(config, "orders.dlt", producer, Duration.ofMinutes(1));
 * }</pre>
 */
public final class DeadLetters {
  private static final Duration POLL = Duration.ofMillis(200);

  private DeadLetters() {}

  /**
   * Reads {@code deadLetterTopic} up to its end as it is now, and sends each record to its {@link
   * DeadLetterHeaders#ORIGINAL_TOPIC} with its key, value and headers, minus the dead-letter
   * headers ({@code faultline.*}, {@code kafka_dlt-*}) and plus {@link DeadLetterHeaders#REPLAYS}
   * counted up by one. Offsets are committed to the {@code group.id} of {@code consumerConfig}
   * after each batch is acknowledged, so a second replay does not send the same records again.
   * Records without an original topic are left where they are.
   *
   * @param consumerConfig settings of the consumer that reads the dead letters: at least {@code
   *     bootstrap.servers} and {@code group.id}; deserializers and auto-commit are set here
   * @return how many records were sent back
   * @throws KafkaException when a record cannot be sent back, or {@code timeout} passes first
   */
  public static long replay(
      Map<String, Object> consumerConfig,
      String deadLetterTopic,
      Producer<byte[], byte[]> producer,
      Duration timeout) {
    Map<String, Object> config = new HashMap<>(consumerConfig);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    if (config.get(ConsumerConfig.GROUP_ID_CONFIG) == null) {
      throw new IllegalArgumentException("DeadLetters.replay needs a group.id in consumerConfig");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(deadLetterTopic, timeout)) {
        partitions.add(new TopicPartition(info.topic(), info.partition()));
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long replayed = 0;
      while (!reached(consumer, end)) {
        if (System.nanoTime() - deadline > 0) {
          throw new KafkaException(
              "replay of " + deadLetterTopic + " did not finish in " + timeout);
        }
        replayed += sendBack(consumer, producer, deadline);
      }
      return replayed;
    }
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static long sendBack(
      KafkaConsumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, long deadline) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
      String topic = DeadLetterHeaders.value(record.headers(), DeadLetterHeaders.ORIGINAL_TOPIC);
      if (topic == null) {
        Warnings.once(
            "kafka.replay.no-topic",
            "A record of " + record.topic() + " has no original topic and was not replayed");
      } else {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    topic, null, record.key(), record.value(), headersOf(record))));
      }
      offsets.put(
          new TopicPartition(record.topic(), record.partition()),
          new OffsetAndMetadata(record.offset() + 1));
    }
    for (Future<RecordMetadata> future : sent) {
      await(future, deadline);
    }
    if (!offsets.isEmpty()) {
      consumer.commitSync(offsets);
    }
    return sent.size();
  }

  /** The record's headers without the dead-letter ones, with the replay counted. */
  static Headers headersOf(ConsumerRecord<byte[], byte[]> record) {
    Headers headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!DeadLetterHeaders.isOwned(header.key())) {
        headers.add(header);
      }
    }
    headers.add(
        DeadLetterHeaders.REPLAYS,
        Long.toString(replays(record.headers()) + 1).getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  private static long replays(Headers headers) {
    String value = DeadLetterHeaders.value(headers, DeadLetterHeaders.REPLAYS);
    try {
      return value == null ? 0 : Math.max(0, Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void await(Future<RecordMetadata> future, long deadline) {
    try {
      future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new KafkaException("a replayed record could not be sent back", e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("a replayed record was not acknowledged in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.apache.kafka.common.errors.InterruptException(e);
    }
  }
}
