package dev.faultline.kafka;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.Faults;
import dev.faultline.context.CallContext;
import dev.faultline.context.Deadline;
import dev.faultline.context.Scope;
import dev.faultline.internal.FaultStamp;
import dev.faultline.internal.Warnings;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Runs one attempt at a record: deserializes it on the calling (poll) thread, then runs the handler
 * on a worker thread with the record's context current, waiting no longer than its deadline. A
 * handler that overruns is interrupted and abandoned, so the poll loop never hangs on it.
 */
final class HandlerRunner<K, V> implements AutoCloseable {
  static final String DOMAIN = "faultline.dev";

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final RecordHandler<K, V> handler;
  private final Deserializer<K> keys;
  private final Deserializer<V> values;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread =
                new Thread(task, "faultline-kafka-handler-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  HandlerRunner(RecordHandler<K, V> handler, Deserializer<K> keys, Deserializer<V> values) {
    this.handler = handler;
    this.keys = keys;
    this.values = values;
  }

  /** The failure of this attempt, or null when the handler returned normally. */
  @Nullable Failure run(ConsumerRecord<byte[], byte[]> raw, CallContext context, int attempt) {
    ConsumerRecord<K, V> record;
    try {
      record = deserialize(raw);
    } catch (RuntimeException e) {
      return new Failure(FaultStamp.stamp(poison(e), context), e, attempt, true);
    }
    Future<?> outcome = workers.submit(() -> handle(record, context));
    Deadline deadline = context.deadline();
    long nanos = deadline == null ? Long.MAX_VALUE : deadline.remaining().toNanos();
    try {
      outcome.get(nanos, TimeUnit.NANOSECONDS);
      return null;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Failure(FaultStamp.of(cause, context), cause, attempt, false);
    } catch (TimeoutException e) {
      outcome.cancel(true);
      TimeoutException overrun = overrun(raw, deadline);
      return new Failure(
          FaultStamp.stamp(deadlineExceeded(overrun), context), overrun, attempt, false);
    } catch (InterruptedException e) {
      outcome.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    }
  }

  @SuppressWarnings("try") // the scope is only closed
  private Void handle(ConsumerRecord<K, V> record, CallContext context) throws Exception {
    try (Scope scope = context.makeCurrent()) {
      handler.handle(record);
      return null;
    }
  }

  private ConsumerRecord<K, V> deserialize(ConsumerRecord<byte[], byte[]> raw) {
    K key = keys.deserialize(raw.topic(), raw.headers(), raw.key());
    V value = values.deserialize(raw.topic(), raw.headers(), raw.value());
    return new ConsumerRecord<>(
        raw.topic(),
        raw.partition(),
        raw.offset(),
        raw.timestamp(),
        raw.timestampType(),
        raw.serializedKeySize(),
        raw.serializedValueSize(),
        key,
        value,
        raw.headers(),
        raw.leaderEpoch());
  }

  private static Fault poison(RuntimeException e) {
    return Faults.classify(e).toBuilder()
        .code(Code.INVALID_ARGUMENT)
        .reason("RECORD_NOT_DESERIALIZABLE")
        .domain(DOMAIN)
        .message("The record could not be deserialized")
        .build();
  }

  private static Fault deadlineExceeded(TimeoutException overrun) {
    return Faults.classify(overrun).toBuilder()
        .code(Code.DEADLINE_EXCEEDED)
        .reason("HANDLER_DEADLINE_EXCEEDED")
        .domain(DOMAIN)
        .message("The record handler did not finish before its deadline")
        .build();
  }

  private static TimeoutException overrun(
      ConsumerRecord<byte[], byte[]> raw, @Nullable Deadline deadline) {
    Warnings.once(
        "kafka.handler.overrun",
        "A Faultline record handler ran past its deadline and was interrupted and abandoned;"
            + " a handler that ignores interrupts keeps its worker thread");
    return new TimeoutException(
        "handler of "
            + raw.topic()
            + "-"
            + raw.partition()
            + "@"
            + raw.offset()
            + " ran past its deadline"
            + (deadline == null ? "" : " " + deadline));
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
