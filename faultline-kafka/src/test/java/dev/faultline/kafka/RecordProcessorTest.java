package dev.faultline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.context.Propagation;
import dev.faultline.context.Scope;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The record processor against a real broker: counts are exact. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("try") // scopes are only closed
class RecordProcessorTest {
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration WAIT = Duration.ofSeconds(60);

  private Broker broker;
  private KafkaProducer<byte[], byte[]> deadLetters;

  @BeforeAll
  void startBroker() throws Exception {
    broker = Broker.start();
    deadLetters = broker.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));
  }

  @AfterAll
  void stopBroker() throws Exception {
    deadLetters.close(Duration.ofSeconds(5));
    broker.close();
  }

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

  private void send(String topic, String... values) throws Exception {
    for (String value : values) {
      deadLetters.send(new ProducerRecord<>(topic, bytes("k"), bytes(value))).get();
    }
  }

  private ConsumerRecord<byte[], byte[]> single(String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = broker.readAll(topic, 1, WAIT);
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  private static int headerBytes(ConsumerRecord<byte[], byte[]> record) {
    int bytes = 0;
    for (Header header : record.headers()) {
      bytes += header.key().length() + header.value().length;
    }
    return bytes;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return DeadLetterHeaders.value(record.headers(), name);
  }

  private static String key(int i) {
    return "k" + i;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
