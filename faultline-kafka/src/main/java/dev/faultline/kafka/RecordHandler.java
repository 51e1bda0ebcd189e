package dev.faultline.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the user does with one record. It runs with the record's {@link
 * dev.faultline.context.CallContext} current and under its deadline; any exception it throws is a
 * failure of the record, classified to decide whether to retry or dead-letter it.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface RecordHandler<K, V> {
  /** Handles {@code record}; throws to fail it. */
  void handle(ConsumerRecord<K, V> record) throws Exception;
}
