package dev.faultline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.context.Propagation;
import dev.faultline.context.Scope;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** 10,000 records, 10% failing, through the processor against a real broker: exact counts. */
@SuppressWarnings("try") // scopes are only closed
class TenThousandRecordsTest extends BrokerTest {
  @Test
  void tenThousandRecordsEndEitherProcessedOrDeadLetteredOnceWithTheirTrace() throws Exception {
    String topic = "orders";
    broker.createTopic(topic, 6);
    broker.createTopic(topic + ".dlt", 3);
    int total = 10_000;
    Map<String, String> traceOf = new HashMap<>();
    Map<String, RecordMetadata> sentAt = new HashMap<>();
    try (KafkaProducer<byte[], byte[]> producer =
        broker.producer(
            Map.of(
                ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
                FaultlineProducerInterceptor.class.getName()))) {
      Map<String, Future<RecordMetadata>> futures = new HashMap<>();
      for (int i = 0; i < total; i++) {
        CallContext request = CallContext.newTrace();
        traceOf.put(key(i), request.traceId());
        try (Scope scope = request.makeCurrent()) {
          futures.put(
              key(i), producer.send(new ProducerRecord<>(topic, bytes(key(i)), bytes("v" + i))));
        }
      }
      for (var e : futures.entrySet()) {
        sentAt.put(e.getKey(), e.getValue().get());
      }
    }

    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    Set<String> handled = ConcurrentHashMap.newKeySet();
    AtomicInteger handledTwice = new AtomicInteger();
    Set<String> wrongTrace = ConcurrentHashMap.newKeySet();
    MemorySink memory = MemorySink.withCapacity(2000);
    FaultJournal journal = FaultJournal.create(memory);
    try (KafkaConsumer<byte[], byte[]> consumer =
            broker.consumer(
                "orders-service",
                // A resumed partition is fetched with the next fetch: do not let one wait long.
                Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20));
        RecordProcessor<String, String> processor =
            RecordProcessor.builder(
                    consumer, deadLetters, new StringDeserializer(), new StringDeserializer())
                .handler(
                    record -> {
                      String key = record.key();
                      int attempt =
                          attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                      if (!traceOf.get(key).equals(CallContext.current().traceId())) {
                        wrongTrace.add(key);
                      }
                      failIfDue(Integer.parseInt(key.substring(1)), attempt);
                      if (!handled.add(key)) {
                        handledTwice.incrementAndGet();
                      }
                    })
                .maxAttempts(3)
                .backoff(Duration.ofMillis(5), Duration.ofMillis(40))
                .service("orders")
                .journal(journal)
                .build()) {
      consumer.subscribe(List.of(topic));
      PollLoop loop = new PollLoop(consumer, processor, POLL);
      assertThat(
              loop.runUntil(
                  () ->
                      processor.stats().processed() + processor.stats().deadLettered() == total
                          && processor.stats().pausedPartitions() == 0,
                  WAIT))
          .as("%s", processor.stats())
          .isTrue();

      ProcessorStats stats = processor.stats();
      assertThat(stats.processed()).isEqualTo(9_500);
      assertThat(stats.deadLettered()).isEqualTo(500);
      assertThat(stats.retried()).isEqualTo(250 + 2 * 250 + 2 * 250);
      assertThat(stats.deadLetterFailures()).isZero();
      assertThat(handled).hasSize(9_500);
      assertThat(handledTwice).hasValue(0);
      assertThat(wrongTrace).isEmpty();
      long committed = 0;
      for (int p = 0; p < 6; p++) {
        committed += broker.committed("orders-service", new TopicPartition(topic, p));
      }
      assertThat(committed).isEqualTo(total);
    }

    List<ConsumerRecord<byte[], byte[]>> letters = broker.readAll(topic + ".dlt", 500, WAIT);
    assertThat(letters).hasSize(500);
    Set<String> lettered = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      String key = text(letter.key());
      int i = Integer.parseInt(key.substring(1));
      assertThat(lettered.add(key)).as("dead-lettered once: %s", key).isTrue();
      assertThat(handled).doesNotContain(key);
      assertThat(text(letter.value())).isEqualTo("v" + i);
      boolean retryable = i % 40 == 20;
      assertThat(i % 40).isIn(20, 30);
      assertThat(header(letter, DeadLetterHeaders.CODE))
          .isEqualTo(retryable ? "UNAVAILABLE" : "INVALID_ARGUMENT");
      assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo(retryable ? "3" : "1");
      assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
      assertThat(header(letter, DeadLetterHeaders.ORIGINAL_PARTITION))
          .isEqualTo(Integer.toString(sentAt.get(key).partition()));
      assertThat(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET))
          .isEqualTo(Long.toString(sentAt.get(key).offset()));
      assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TIMESTAMP))
          .isEqualTo(Long.toString(sentAt.get(key).timestamp()));
      assertThat(header(letter, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("orders-service");
      assertThat(header(letter, DeadLetterHeaders.SERVICE)).isEqualTo("orders");
      assertThat(header(letter, DeadLetterHeaders.REPLAYS)).isEqualTo("0");
      assertThat(KafkaContext.extract(letter.headers()).traceId()).isEqualTo(traceOf.get(key));
      assertThat(letter.headers().headers(Propagation.TRACEPARENT)).hasSize(1);
    }
    List<FaultRecord> reported = memory.await(500, Duration.ofSeconds(10));
    assertThat(reported).hasSize(500).allMatch(r -> r.kind() == FaultKind.DEAD_LETTER);
  }

  /** 10% fail: 250 recover on attempt 2, 250 on attempt 3, 250 never, 250 are not retryable. */
  private static void failIfDue(int i, int attempt) {
    switch (i % 40) {
      case 0:
        if (attempt < 2) {
          throw unavailable();
        }
        break;
      case 10:
        if (attempt < 3) {
          throw unavailable();
        }
        break;
      case 20:
        throw unavailable();
      case 30:
        throw Fault.builder(Code.INVALID_ARGUMENT)
            .reason("BAD_ORDER")
            .message("Bad order")
            .build()
            .asException();
      default:
        break;
    }
  }

  private static RuntimeException unavailable() {
    return Fault.of(Code.UNAVAILABLE, "Stock service is down").asException();
  }

  private static String key(int i) {
    return "k" + i;
  }
}
