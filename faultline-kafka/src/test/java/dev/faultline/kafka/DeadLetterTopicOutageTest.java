package dev.faultline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.journal.FaultJournal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dead-letter topic does not exist for a while (topics are not created automatically): the
 * failed records wait, paused, without the loop spinning, and nothing is skipped or lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterTopicOutageTest {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration OUTAGE = Duration.ofSeconds(3);

  private Broker broker;

  @BeforeAll
  void startBroker() throws Exception {
    broker = Broker.start();
  }

  @AfterAll
  void stopBroker() throws Exception {
    broker.close();
  }

  @Test
  void recordsWaitForAMissingDeadLetterTopicAndFlowOnceItExists() throws Exception {
    String topic = "payments";
    broker.createTopic(topic, 2);
    int total = 200;
    try (KafkaProducer<byte[], byte[]> producer = broker.producer(Map.of())) {
      for (int i = 0; i < total; i++) {
        String value = i % 50 == 7 ? "bad-" + i : "ok-" + i;
        producer.send(new ProducerRecord<>(topic, bytes("k" + i), bytes(value)));
      }
      producer.flush();
    }
    Set<String> handled = ConcurrentHashMap.newKeySet();
    AtomicInteger handledTwice = new AtomicInteger();
    try (KafkaProducer<byte[], byte[]> deadLetters =
            broker.producer(
                Map.of(
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 500, ProducerConfig.LINGER_MS_CONFIG, 0));
        KafkaConsumer<byte[], byte[]> consumer = broker.consumer("payments-service", Map.of());
        RecordProcessor<String, String> processor =
            RecordProcessor.builder(
                    consumer, deadLetters, new StringDeserializer(), new StringDeserializer())
                .handler(
                    record -> {
                      if (record.value().startsWith("bad")) {
                        throw Fault.of(Code.FAILED_PRECONDITION, "No such account").asException();
                      }
                      if (!handled.add(record.value())) {
                        handledTwice.incrementAndGet();
                      }
                    })
                .backoff(Duration.ofMillis(50), Duration.ofMillis(400))
                .deadLetterWait(Duration.ofMillis(100))
                .journal(FaultJournal.create())
                .build()) {
      consumer.subscribe(List.of(topic));
      PollLoop loop = new PollLoop(consumer, processor, POLL);
      assertThat(
              loop.runUntil(
                  () -> processor.stats().pausedPartitions() == 2, Duration.ofSeconds(30)))
          .as("both partitions reach a bad record: %s", processor.stats())
          .isTrue();
      long pollsBefore = loop.polls();
      long start = System.nanoTime();
      loop.runFor(OUTAGE);
      long outageMillis = (System.nanoTime() - start) / 1_000_000;

      ProcessorStats during = processor.stats();
      assertThat(during.deadLettered()).isZero();
      assertThat(during.pausedPartitions()).isEqualTo(2);
      assertThat(during.deadLetterFailures()).isPositive();
      // Sends are spaced by back-off and max.block.ms, polls by the poll timeout: no spinning.
      assertThat(during.deadLetterFailures()).isLessThan(2 * (outageMillis / 300 + 2));
      assertThat(loop.polls() - pollsBefore)
          .isLessThanOrEqualTo(outageMillis / POLL.toMillis() + 5);
      // Never committed past a record that is not yet dead-lettered.
      for (int p = 0; p < 2; p++) {
        long committed = broker.committed("payments-service", new TopicPartition(topic, p));
        assertThat(committed).isLessThanOrEqualTo(firstBadOffset(p));
      }

      broker.createTopic(topic + ".dlt", 1);
      assertThat(
              loop.runUntil(
                  () ->
                      processor.stats().processed() + processor.stats().deadLettered() == total
                          && processor.stats().pausedPartitions() == 0,
                  Duration.ofSeconds(60)))
          .as("%s", processor.stats())
          .isTrue();
      assertThat(processor.stats().deadLettered()).isEqualTo(4);
      assertThat(handled).hasSize(196);
      assertThat(handledTwice).hasValue(0);
      assertThat(
              broker.committed("payments-service", new TopicPartition(topic, 0))
                  + broker.committed("payments-service", new TopicPartition(topic, 1)))
          .isEqualTo(total);
    }
    List<ConsumerRecord<byte[], byte[]>> letters =
        broker.readAll(topic + ".dlt", 4, Duration.ofSeconds(30));
    assertThat(letters)
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("bad-7", "bad-57", "bad-107", "bad-157");
  }

  private long firstBadOffset(int partition) {
    return broker.readAll("payments", 200, Duration.ofSeconds(10)).stream()
        .filter(r -> r.partition() == partition)
        .filter(r -> new String(r.value(), StandardCharsets.UTF_8).startsWith("bad"))
        .mapToLong(ConsumerRecord::offset)
        .min()
        .orElse(Long.MAX_VALUE);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
