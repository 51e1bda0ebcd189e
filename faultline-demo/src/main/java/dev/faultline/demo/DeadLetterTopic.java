package dev.faultline.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

/** Reads {@code orders.dlt} from its start, to show the dead letters billing wrote. */
final class DeadLetterTopic implements AutoCloseable {
  static final String NAME = OrderEvent.TOPIC + ".dlt";

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();

  DeadLetterTopic(String bootstrap) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    TopicPartition partition = new TopicPartition(NAME, 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
  }

  /** The dead letter of this trace, as one line of text; null when there is none (yet). */
  @Nullable String find(String traceId) {
    consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    for (ConsumerRecord<byte[], byte[]> record : seen) {
      String traceparent = header(record, "traceparent");
      if (traceparent != null && traceparent.contains(traceId)) {
        return String.format(
            "%s@%d: value \"%s\", faultline.code=%s faultline.reason=%s faultline.attempts=%s",
            NAME,
            record.offset(),
            new String(record.value(), StandardCharsets.UTF_8),
            header(record, "faultline.code"),
            header(record, "faultline.reason"),
            header(record, "faultline.attempts"));
      }
    }
    return null;
  }

  private static @Nullable String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
