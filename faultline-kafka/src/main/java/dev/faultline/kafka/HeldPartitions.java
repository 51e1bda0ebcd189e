package dev.faultline.kafka;

import dev.faultline.internal.Warnings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;

/**
 * The partitions a processor holds at one record, and what it does to the consumer for them: pause
 * with the position just past the held record, resume, commit. Poll thread only.
 */
final class HeldPartitions {
  private final Consumer<byte[], byte[]> consumer;
  private final Map<TopicPartition, Blocked> held = new HashMap<>();

  HeldPartitions(Consumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
  }

  static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
    return new TopicPartition(record.topic(), record.partition());
  }

  boolean isHeld(TopicPartition partition) {
    return held.containsKey(partition);
  }

  int size() {
    return held.size();
  }

  /** A copy of the held states, to walk while they change. */
  List<Blocked> states() {
    return new ArrayList<>(held.values());
  }

  /** Pauses the record's partition with its position just past the record (once). */
  void hold(Blocked state) {
    TopicPartition partition = partitionOf(state.record);
    if (held.put(partition, state) == null) {
      consumer.seek(partition, state.record.offset() + 1);
      consumer.pause(List.of(partition));
    }
  }

  /** Commits the offset just past {@code record}, and resumes its partition if it was held. */
  void finish(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition partition = partitionOf(record);
    commit(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
    if (held.remove(partition) != null) {
      consumer.resume(List.of(partition));
    }
  }

  /**
   * Forgets held partitions the consumer lost in a rebalance, or that someone else resumed: their
   * records come again from the committed offset, to whoever owns them now.
   */
  void forgetLost() {
    if (held.isEmpty()) {
      return;
    }
    Set<TopicPartition> assigned = consumer.assignment();
    Set<TopicPartition> paused = consumer.paused();
    if (held.keySet().removeIf(p -> !assigned.contains(p) || !paused.contains(p))) {
      Warnings.once(
          "kafka.partition.lost",
          "A partition held by a Faultline record processor was revoked or resumed elsewhere;"
              + " its held record will be delivered again from the committed offset");
    }
  }

  /** Commits synchronously; a failed commit (a rebalance) only means records come again. */
  void commit(@Nullable Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets == null || offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets);
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      Warnings.once(
          "kafka.commit",
          "A Faultline record processor could not commit offsets (a rebalance?);"
              + " the records will be delivered again",
          e);
    }
  }

  /** A map for the offsets of one batch. */
  static Map<TopicPartition, OffsetAndMetadata> offsets() {
    return new HashMap<>();
  }
}
