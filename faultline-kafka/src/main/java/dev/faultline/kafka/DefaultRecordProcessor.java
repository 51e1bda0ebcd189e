package dev.faultline.kafka;

import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.internal.Warnings;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.jspecify.annotations.Nullable;

/**
 * The record processor. Everything runs on the poll thread except the handler (a worker thread, for
 * its deadline) and {@code Producer.send} (a sender thread, which may block on metadata).
 */
final class DefaultRecordProcessor<K, V> implements RecordProcessor<K, V> {
  private final HandlerRunner<K, V> runner;
  private final DeadLetterSender sender;
  private final Backoff backoff;
  private final int maxAttempts;
  private final Duration recordTimeout;
  private final long deadLetterWaitNanos;
  private final UnaryOperator<String> deadLetterTopic;
  private final Predicate<Fault> retryable;
  private final Exposure exposure;
  private final @Nullable String service;
  private final FaultJournal journal;
  private final boolean springHeaders;
  private final String group;
  private final HeldPartitions held;
  private final Counters counters = new Counters();

  DefaultRecordProcessor(RecordProcessorBuilder<K, V> b, String group) {
    this.held = new HeldPartitions(b.consumer);
    this.runner = new HandlerRunner<>(requireHandler(b.handler), b.keys, b.values);
    this.sender = new DeadLetterSender(b.deadLetters);
    this.backoff = new Backoff(b.initialBackoff, b.maxBackoff);
    this.maxAttempts = b.maxAttempts;
    this.recordTimeout = b.recordTimeout;
    this.deadLetterWaitNanos = b.deadLetterWait.toNanos();
    this.deadLetterTopic = b.deadLetterTopic;
    this.retryable = b.retryable;
    this.exposure = b.exposure == null ? Exposure.configured() : b.exposure;
    this.service = b.service;
    this.journal = b.journal;
    this.springHeaders = b.springHeaders;
    this.group = group;
  }

  private static <T> T requireHandler(@Nullable T handler) {
    if (handler == null) {
      throw new IllegalStateException("RecordProcessor needs a handler");
    }
    return handler;
  }

  @Override
  public void process(ConsumerRecords<byte[], byte[]> records) {
    held.forgetLost();
    advanceHeld();
    Map<TopicPartition, OffsetAndMetadata> done = HeldPartitions.offsets();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
      if (held.isHeld(partition)) {
        counters.skipped(batch.size());
        continue;
      }
      for (ConsumerRecord<byte[], byte[]> record : batch) {
        Outcome outcome = attempt(record, 1, null);
        if (outcome == Outcome.HANDLED) {
          done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        } else if (outcome == Outcome.DEAD_LETTERED) {
          done.remove(partition); // committed with the dead letter
        } else {
          break; // the partition is held at this record
        }
      }
    }
    held.commit(done);
    counters.paused(held.size());
  }

  private enum Outcome {
    HANDLED,
    DEAD_LETTERED,
    HELD
  }

  /** One attempt at a record; {@code state} is its state when its partition is already held. */
  private Outcome attempt(
      ConsumerRecord<byte[], byte[]> record, int attempt, @Nullable Blocked state) {
    CallContext context =
        KafkaContext.extract(record.headers()).withService(service).withTimeout(recordTimeout);
    Failure failure = runner.run(record, context, attempt);
    if (failure == null) {
      counters.processed();
      return Outcome.HANDLED;
    }
    Blocked blocked = state == null ? new Blocked(record, context) : state;
    blocked.context = context;
    blocked.failure = failure;
    if (!failure.poison() && attempt < maxAttempts && retryable.test(failure.fault())) {
      counters.retried();
      blocked.stage = Blocked.Stage.RETRY;
      blocked.dueNanos =
          System.nanoTime() + backoff.delayNanos(attempt, failure.fault().retryAfter());
      held.hold(blocked);
      return Outcome.HELD;
    }
    return sendDeadLetter(blocked);
  }

  /** Sends the dead letter and waits a little for it; holds the partition if it is not yet done. */
  private Outcome sendDeadLetter(Blocked state) {
    ConsumerRecord<byte[], byte[]> record = state.record;
    String topic = deadLetterTopic.apply(record.topic());
    state.stage = Blocked.Stage.SENDING;
    state.sent =
        sender.send(
            DeadLetterRecord.of(
                record, topic, state.failure, state.context, group, exposure, springHeaders));
    try {
      state.sent.get(deadLetterWaitNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // settled below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    }
    return settle(state);
  }

  /** Acts on the outcome of a sent dead letter, if there is one yet. */
  private Outcome settle(Blocked state) {
    var sent = state.sent;
    if (sent == null || !sent.isDone()) {
      held.hold(state);
      return Outcome.HELD;
    }
    if (sent.isCompletedExceptionally()) {
      counters.deadLetterFailed();
      Warnings.once(
          "kafka.dead-letter.failed",
          "Faultline could not write a dead letter to "
              + deadLetterTopic.apply(state.record.topic())
              + "; its partition stays paused and the dead letter is sent again after a back-off");
      state.stage = Blocked.Stage.RESEND;
      state.sendFailures++;
      state.dueNanos = System.nanoTime() + backoff.delayNanos(state.sendFailures, null);
      held.hold(state);
      return Outcome.HELD;
    }
    Failure failure = state.failure;
    ConsumerRecord<byte[], byte[]> record = state.record;
    journal.report(
        FaultKind.DEAD_LETTER,
        failure.fault(),
        failure.error(),
        record.topic() + "-" + record.partition() + "@" + record.offset());
    counters.deadLettered();
    held.finish(record);
    return Outcome.DEAD_LETTERED;
  }

  /** Moves on every held partition: an acknowledged dead letter, a retry or resend now due. */
  private void advanceHeld() {
    long now = System.nanoTime();
    for (Blocked state : held.states()) {
      switch (state.stage) {
        case SENDING:
          settle(state);
          break;
        case RESEND:
          if (state.isDue(now)) {
            sendDeadLetter(state);
          }
          break;
        case RETRY:
          if (state.isDue(now)
              && attempt(state.record, state.failure.attempts() + 1, state) == Outcome.HANDLED) {
            held.finish(state.record);
          }
          break;
      }
    }
  }

  @Override
  public ProcessorStats stats() {
    return counters.snapshot();
  }

  @Override
  public void close() {
    runner.close();
    sender.close();
  }
}
