package dev.faultline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Exposure;
import dev.faultline.journal.FaultJournal;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Dead letters sent back to their topic, and dead-lettered again without growing. */
class ReplayTest extends BrokerTest {
  @Test
  void aRecordDeadLetteredAgainAfterReplayDoesNotGrow() throws Exception {
    String topic = "replayed";
    broker.createTopic(topic, 1);
    broker.createTopic(topic + ".dlt", 1);
    send(topic, "bad");
    try (KafkaConsumer<byte[], byte[]> consumer = broker.consumer("replayed-service", Map.of());
        RecordProcessor<String, String> processor =
            RecordProcessor.builder(
                    consumer, deadLetters, new StringDeserializer(), new StringDeserializer())
                .handler(
                    r -> {
                      throw new IllegalStateException("always");
                    })
                .exposure(Exposure.DEBUG)
                .springHeaders(true)
                .journal(FaultJournal.create())
                .build()) {
      consumer.subscribe(List.of(topic));
      PollLoop loop = new PollLoop(consumer, processor, POLL);
      assertThat(loop.runUntil(() -> processor.stats().deadLettered() == 1, WAIT)).isTrue();
      long replayed =
          DeadLetters.replay(
              Map.of("bootstrap.servers", broker.bootstrap(), "group.id", "replayer"),
              topic + ".dlt",
              deadLetters,
              WAIT);
      assertThat(replayed).isEqualTo(1);
      assertThat(loop.runUntil(() -> processor.stats().deadLettered() == 2, WAIT)).isTrue();
      assertThat(
              DeadLetters.replay(
                  Map.of("bootstrap.servers", broker.bootstrap(), "group.id", "replayer"),
                  topic + ".dlt",
                  deadLetters,
                  WAIT))
          .as("a second replay sends only the new dead letter")
          .isEqualTo(1);
    }
    List<ConsumerRecord<byte[], byte[]>> letters = broker.readAll(topic + ".dlt", 2, WAIT);
    assertThat(letters).hasSize(2);
    ConsumerRecord<byte[], byte[]> first = letters.get(0);
    ConsumerRecord<byte[], byte[]> second = letters.get(1);
    assertThat(second.headers().toArray()).hasSameSizeAs(first.headers().toArray());
    assertThat(Math.abs(headerBytes(second) - headerBytes(first))).isLessThanOrEqualTo(16);
    assertThat(header(first, DeadLetterHeaders.REPLAYS)).isEqualTo("0");
    assertThat(header(second, DeadLetterHeaders.REPLAYS)).isEqualTo("1");
    assertThat(header(second, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
    assertThat(header(second, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("1");
    assertThat(header(second, DeadLetterHeaders.STACKTRACE)).contains("always");
    assertThat(second.headers().lastHeader(SpringDltHeaders.ORIGINAL_OFFSET).value()).hasSize(8);
    assertThat(text(second.value())).isEqualTo("bad");
    assertThat(KafkaContext.extract(second.headers()).traceId())
        .isEqualTo(KafkaContext.extract(first.headers()).traceId());
    assertThat(broker.committed("replayed-service", new TopicPartition(topic, 0))).isEqualTo(2);
  }

  private static int headerBytes(ConsumerRecord<byte[], byte[]> record) {
    int bytes = 0;
    for (Header header : record.headers()) {
      bytes += header.key().length() + header.value().length;
    }
    return bytes;
  }
}
