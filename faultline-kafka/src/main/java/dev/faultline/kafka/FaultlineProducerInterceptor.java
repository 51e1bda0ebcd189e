package dev.faultline.kafka;

import dev.faultline.context.Propagation;
import dev.faultline.internal.Warnings;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Puts the sending thread's {@link dev.faultline.context.CallContext} into every record a producer
 * sends: a {@code traceparent} with a new span per record, the {@code tracestate}, and the deadline
 * budget when there is one. A record that already carries a {@code traceparent} is left as it is.
 *
 * <pre>{@code
 * props.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, FaultlineProducerInterceptor.class.getName());
 * }</pre>
 *
 * @param <K> the key type of the producer
 * @param <V> the value type of the producer
 */
public final class FaultlineProducerInterceptor<K, V> implements ProducerInterceptor<K, V> {
  /** Made by the Kafka producer from {@code interceptor.classes}. */
  public FaultlineProducerInterceptor() {}

  /** The record with the current context in its headers; the record itself when it has one. */
  @Override
  public ProducerRecord<K, V> onSend(ProducerRecord<K, V> record) {
    try {
      if (record.headers().lastHeader(Propagation.TRACEPARENT) != null) {
        return record;
      }
      try {
        KafkaContext.inject(record.headers());
        return record;
      } catch (IllegalStateException readOnly) {
        // The record was sent before and its headers are frozen: send a copy.
        Headers headers = new RecordHeaders(record.headers().toArray());
        KafkaContext.inject(headers);
        return new ProducerRecord<>(
            record.topic(),
            record.partition(),
            record.timestamp(),
            record.key(),
            record.value(),
            headers);
      }
    } catch (RuntimeException e) {
      Warnings.once(
          "kafka.interceptor", "Faultline could not put the call context into a record", e);
      return record;
    }
  }

  /** Nothing to do. */
  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

  /** Nothing to release. */
  @Override
  public void close() {}

  /** No settings. */
  @Override
  public void configure(Map<String, ?> configs) {}
}
