package dev.faultline.kafka;

import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.journal.FaultJournal;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link RecordProcessor}; made by {@link RecordProcessor#builder}. Only {@link
 * #handler} is required.
 *
 * @param <K> the key type the handler sees
 * @param <V> the value type the handler sees
 */
public final class RecordProcessorBuilder<K, V> {
  final Consumer<byte[], byte[]> consumer;
  final Producer<byte[], byte[]> deadLetters;
  final Deserializer<K> keys;
  final Deserializer<V> values;
  @Nullable RecordHandler<K, V> handler;
  int maxAttempts = 3;
  Duration initialBackoff = Duration.ofMillis(200);
  Duration maxBackoff = Duration.ofSeconds(30);
  Duration recordTimeout = Duration.ofSeconds(30);
  Duration deadLetterWait = Duration.ofSeconds(5);
  UnaryOperator<String> deadLetterTopic = topic -> topic + ".dlt";
  Predicate<Fault> retryable = fault -> fault.code().isTransient();
  @Nullable Exposure exposure;
  @Nullable String service;
  FaultJournal journal = FaultJournal.global();
  boolean springHeaders;

  RecordProcessorBuilder(
      Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> deadLetters,
      Deserializer<K> keys,
      Deserializer<V> values) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.values = Objects.requireNonNull(values, "values");
  }

  /** What to do with each record (required). */
  public RecordProcessorBuilder<K, V> handler(RecordHandler<K, V> handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /** How many times the handler runs on a record at most, the first time included (default 3). */
  public RecordProcessorBuilder<K, V> maxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    return this;
  }

  /**
   * The wait before the first retry, doubled for each further one up to {@code max}, each wait
   * jittered between half and all of it (default 200 ms to 30 s). The same back-off spaces the
   * tries to write a dead letter.
   */
  public RecordProcessorBuilder<K, V> backoff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < initial <= max, but was " + initial + ", " + max);
    }
    this.initialBackoff = initial;
    this.maxBackoff = max;
    return this;
  }

  /**
   * The deadline of one attempt at a record (default 30 s); a record's own {@code
   * faultline-budget-ms} header makes it shorter. A handler still running then is interrupted and
   * the attempt fails with {@code DEADLINE_EXCEEDED}, which is retryable. Keep it well below {@code
   * max.poll.interval.ms}.
   */
  public RecordProcessorBuilder<K, V> recordTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("recordTimeout must be positive: " + timeout);
    }
    this.recordTimeout = timeout;
    return this;
  }

  /**
   * How long {@link RecordProcessor#process} waits for a dead letter's acknowledgement before it
   * moves on and checks again on a later call (default 5 s).
   */
  public RecordProcessorBuilder<K, V> deadLetterWait(Duration wait) {
    if (wait.isNegative()) {
      throw new IllegalArgumentException("deadLetterWait must not be negative: " + wait);
    }
    this.deadLetterWait = wait;
    return this;
  }

  /** The dead-letter topic of each source topic (default {@code topic + ".dlt"}). */
  public RecordProcessorBuilder<K, V> deadLetterTopic(UnaryOperator<String> topicOf) {
    this.deadLetterTopic = Objects.requireNonNull(topicOf, "topicOf");
    return this;
  }

  /**
   * Which faults are retried (default: those whose code {@linkplain dev.faultline.Code#isTransient
   * is transient}).
   */
  public RecordProcessorBuilder<K, V> retryIf(Predicate<Fault> retryable) {
    this.retryable = Objects.requireNonNull(retryable, "retryable");
    return this;
  }

  /**
   * How much of a fault goes into dead-letter headers (default {@link Exposure#configured()}):
   * {@code faultline.fault} from INTERNAL on, stack traces at DEBUG only.
   */
  public RecordProcessorBuilder<K, V> exposure(Exposure exposure) {
    this.exposure = Objects.requireNonNull(exposure, "exposure");
    return this;
  }

  /** The name of this service, put in each record's context and on its faults. */
  public RecordProcessorBuilder<K, V> service(@Nullable String service) {
    this.service = service;
    return this;
  }

  /** Where each dead letter is reported as {@code DEAD_LETTER} (default the global journal). */
  public RecordProcessorBuilder<K, V> journal(FaultJournal journal) {
    this.journal = Objects.requireNonNull(journal, "journal");
    return this;
  }

  /**
   * Also writes Spring Kafka's {@code kafka_dlt-*} headers (default false), so that Spring's
   * dead-letter tooling reads these dead letters.
   */
  public RecordProcessorBuilder<K, V> springHeaders(boolean enabled) {
    this.springHeaders = enabled;
    return this;
  }

  /**
   * The processor.
   *
   * @throws IllegalStateException when no handler was set, or the consumer has no {@code group.id}
   */
  public RecordProcessor<K, V> build() {
    if (handler == null) {
      throw new IllegalStateException("RecordProcessor needs a handler: call handler(record -> …)");
    }
    return new DefaultRecordProcessor<>(this, groupOf(consumer));
  }

  private static String groupOf(Consumer<byte[], byte[]> consumer) {
    try {
      return consumer.groupMetadata().groupId();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "RecordProcessor commits offsets, so the consumer needs a group.id", e);
    }
  }
}
