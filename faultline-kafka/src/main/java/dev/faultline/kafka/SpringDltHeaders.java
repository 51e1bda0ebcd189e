package dev.faultline.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The headers Spring Kafka's {@code DeadLetterPublishingRecoverer} writes, so that Spring's
 * dead-letter tooling reads our dead letters: numbers as big-endian binary, text as UTF-8.
 */
final class SpringDltHeaders {
  static final String PREFIX = "kafka_dlt-";
  static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
  static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
  static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
  static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
  static final String ORIGINAL_TIMESTAMP_TYPE = "kafka_dlt-original-timestamp-type";
  static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";
  static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
  static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
  static final String EXCEPTION_STACKTRACE = "kafka_dlt-exception-stacktrace";

  private SpringDltHeaders() {}

  /** Adds the Spring headers; {@code stackTrace} is null unless the exposure is DEBUG. */
  static void add(
      Headers headers,
      ConsumerRecord<byte[], byte[]> record,
      @Nullable String group,
      @Nullable String exception,
      String message,
      @Nullable String stackTrace) {
    headers.add(ORIGINAL_TOPIC, utf8(record.topic()));
    headers.add(ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(record.partition()).array());
    headers.add(ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(record.offset()).array());
    headers.add(ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(record.timestamp()).array());
    headers.add(ORIGINAL_TIMESTAMP_TYPE, utf8(record.timestampType().toString()));
    if (group != null) {
      headers.add(ORIGINAL_CONSUMER_GROUP, utf8(group));
    }
    if (exception != null) {
      headers.add(EXCEPTION_FQCN, utf8(exception));
    }
    headers.add(EXCEPTION_MESSAGE, utf8(message));
    if (stackTrace != null) {
      headers.add(EXCEPTION_STACKTRACE, utf8(stackTrace));
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
