package dev.faultline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.context.Propagation;
import dev.faultline.journal.FaultJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Poison records, deadlines, and the loss without Faultline, against a real broker. */
class RecordProcessorTest extends BrokerTest {
  @Test
  void aRecordThatCannotBeDeserializedIsDeadLetteredAtOnce() throws Exception {
    String topic = "poison";
    broker.createTopic(topic, 1);
    broker.createTopic(topic + ".dlt", 1);
    send(topic, "ok-1", "POISON", "ok-2");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = broker.consumer("poison-service", Map.of());
        RecordProcessor<String, String> processor =
            RecordProcessor.builder(
                    consumer, deadLetters, new StringDeserializer(), new PickyDeserializer())
                .handler(record -> seen.add(record.value()))
                .maxAttempts(5)
                .journal(FaultJournal.create())
                .build()) {
      consumer.subscribe(List.of(topic));
      assertThat(
              new PollLoop(consumer, processor, POLL)
                  .runUntil(() -> seen.size() == 2 && processor.stats().deadLettered() == 1, WAIT))
          .isTrue();
      assertThat(processor.stats().retried()).isZero();
    }
    assertThat(seen).containsExactly("ok-1", "ok-2");
    ConsumerRecord<byte[], byte[]> letter = single(topic + ".dlt");
    assertThat(text(letter.value())).isEqualTo("POISON");
    assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
    assertThat(header(letter, DeadLetterHeaders.CODE)).isEqualTo("INVALID_ARGUMENT");
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("RECORD_NOT_DESERIALIZABLE");
    assertThat(header(letter, DeadLetterHeaders.EXCEPTION))
        .isEqualTo("org.apache.kafka.common.errors.SerializationException");
    assertThat(broker.committed("poison-service", new TopicPartition(topic, 0))).isEqualTo(3);
  }

  @Test
  void aHandlerThatHangsPastItsDeadlineIsInterruptedRetriedAndDeadLettered() throws Exception {
    String topic = "slow";
    broker.createTopic(topic, 1);
    broker.createTopic(topic + ".dlt", 1);
    send(topic, "hang", "ok");
    List<String> seen = new ArrayList<>();
    AtomicInteger interrupted = new AtomicInteger();
    long start = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> consumer = broker.consumer("slow-service", Map.of());
        RecordProcessor<String, String> processor =
            RecordProcessor.builder(
                    consumer, deadLetters, new StringDeserializer(), new StringDeserializer())
                .handler(record -> hangOn(record.value(), seen, interrupted))
                .recordTimeout(Duration.ofMillis(300))
                .maxAttempts(2)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(20))
                .journal(FaultJournal.create())
                .build()) {
      consumer.subscribe(List.of(topic));
      assertThat(
              new PollLoop(consumer, processor, POLL)
                  .runUntil(
                      () -> seen.contains("ok") && processor.stats().deadLettered() == 1, WAIT))
          .isTrue();
      assertThat(processor.stats().retried()).isEqualTo(1);
    }
    assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(20).toNanos());
    ConsumerRecord<byte[], byte[]> letter = single(topic + ".dlt");
    assertThat(text(letter.value())).isEqualTo("hang");
    assertThat(header(letter, DeadLetterHeaders.CODE)).isEqualTo("DEADLINE_EXCEEDED");
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("HANDLER_DEADLINE_EXCEEDED");
    assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("2");
    assertThat(interrupted).hasValue(2);
  }

  @Test
  void aRecordsOwnBudgetHeaderShortensItsDeadline() throws Exception {
    String topic = "budget";
    broker.createTopic(topic, 1);
    broker.createTopic(topic + ".dlt", 1);
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes("k"), bytes("hang"));
    record.headers().add(Propagation.BUDGET, bytes("200"));
    deadLetters.send(record).get();
    List<String> seen = new ArrayList<>();
    AtomicInteger interrupted = new AtomicInteger();
    long start = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> consumer = broker.consumer("budget-service", Map.of());
        RecordProcessor<String, String> processor =
            RecordProcessor.builder(
                    consumer, deadLetters, new StringDeserializer(), new StringDeserializer())
                .handler(r -> hangOn(r.value(), seen, interrupted))
                .recordTimeout(Duration.ofSeconds(30))
                .maxAttempts(1)
                .journal(FaultJournal.create())
                .build()) {
      consumer.subscribe(List.of(topic));
      assertThat(
              new PollLoop(consumer, processor, POLL)
                  .runUntil(() -> processor.stats().deadLettered() == 1, WAIT))
          .isTrue();
    }
    assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(15).toNanos());
    assertThat(header(single(topic + ".dlt"), DeadLetterHeaders.CODE))
        .isEqualTo("DEADLINE_EXCEEDED");
    assertThat(interrupted).hasValue(1);
  }

  private static void hangOn(String value, List<String> seen, AtomicInteger interrupted) {
    if (value.equals("hang")) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.incrementAndGet();
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("woke up");
    }
    seen.add(value);
  }

  @Test
  void withoutFaultlineANaiveLoopCommitsPastAFailedRecordAndKeepsItNowhere() throws Exception {
    String topic = "naive";
    broker.createTopic(topic, 1);
    broker.createTopic(topic + ".dlt", 1);
    send(topic, "bad", "ok");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = broker.consumer("naive-service", Map.of())) {
      consumer.subscribe(List.of(topic));
      long end = System.nanoTime() + WAIT.toNanos();
      while (!seen.contains("ok") && System.nanoTime() < end) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          try {
            if (text(record.value()).equals("bad")) {
              throw new IllegalStateException("cannot handle");
            }
            seen.add(text(record.value()));
          } catch (RuntimeException e) {
            System.getLogger("naive").log(System.Logger.Level.DEBUG, "failed", e); // and moves on
          }
        }
        consumer.commitSync();
      }
    }
    assertThat(seen).containsExactly("ok");
    assertThat(broker.committed("naive-service", new TopicPartition(topic, 0))).isEqualTo(2);
    assertThat(broker.readAll(topic + ".dlt", 1, Duration.ofSeconds(1))).isEmpty();
  }
}
