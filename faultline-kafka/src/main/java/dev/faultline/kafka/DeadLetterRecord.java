package dev.faultline.kafka;

import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.context.Propagation;
import dev.faultline.context.TraceParent;
import dev.faultline.wire.FaultHeader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * Makes the dead letter of a record: its key and value bytes unchanged, its headers minus the ones
 * a dead letter owns ({@code faultline.*}, {@code kafka_dlt-*}) and its {@code traceparent}, plus
 * fresh ones. So a record dead-lettered again has as many headers as the first time.
 */
final class DeadLetterRecord {
  /** A stack trace longer than this is cut: headers are not a log file. */
  static final int MAX_STACK_TRACE = 16 * 1024;

  private DeadLetterRecord() {}

  static ProducerRecord<byte[], byte[]> of(
      ConsumerRecord<byte[], byte[]> record,
      String topic,
      Failure failure,
      CallContext context,
      @Nullable String group,
      Exposure exposure,
      boolean springHeaders) {
    Headers headers = new RecordHeaders();
    String replays = "0";
    for (Header header : record.headers()) {
      String name = header.key();
      if (name.equals(DeadLetterHeaders.REPLAYS) && header.value() != null) {
        replays = new String(header.value(), StandardCharsets.UTF_8);
      } else if (!DeadLetterHeaders.isOwned(name) && !name.equals(Propagation.TRACEPARENT)) {
        headers.add(header);
      }
    }
    TraceParent trace = context.traceParent();
    if (trace != null) {
      put(headers, Propagation.TRACEPARENT, trace.toString());
    }
    Fault fault = failure.fault();
    put(headers, DeadLetterHeaders.CODE, fault.code().name());
    put(headers, DeadLetterHeaders.REASON, fault.reason());
    put(headers, DeadLetterHeaders.DOMAIN, fault.domain());
    put(headers, DeadLetterHeaders.MESSAGE, fault.message());
    put(headers, DeadLetterHeaders.SERVICE, fault.service());
    put(headers, DeadLetterHeaders.EXCEPTION, fault.exception());
    String stackTrace = exposure.includesDebug() ? stackTrace(failure) : null;
    put(headers, DeadLetterHeaders.STACKTRACE, stackTrace);
    if (exposure.includesCauses()) {
      put(headers, DeadLetterHeaders.FAULT, FaultHeader.encode(fault, exposure));
    }
    put(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(failure.attempts()));
    put(headers, DeadLetterHeaders.REPLAYS, replays);
    put(headers, DeadLetterHeaders.ORIGINAL_TOPIC, record.topic());
    put(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
    put(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
    put(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP, Long.toString(record.timestamp()));
    put(headers, DeadLetterHeaders.CONSUMER_GROUP, group);
    if (springHeaders) {
      String message = exposure.includesDebug() ? rawMessage(fault) : fault.message();
      SpringDltHeaders.add(headers, record, group, fault.exception(), message, stackTrace);
    }
    return new ProducerRecord<>(topic, null, null, record.key(), record.value(), headers);
  }

  private static void put(Headers headers, String name, @Nullable String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String rawMessage(Fault fault) {
    String raw = fault.exceptionMessage();
    return raw == null ? fault.message() : raw;
  }

  private static String stackTrace(Failure failure) {
    StringWriter text = new StringWriter();
    Throwable error = failure.error();
    if (error != null) {
      error.printStackTrace(new PrintWriter(text));
    } else {
      text.append(String.valueOf(failure.fault().exception()));
      failure.fault().stackTrace().forEach(frame -> text.append("\n\tat ").append(frame));
    }
    return text.getBuffer().length() > MAX_STACK_TRACE
        ? text.getBuffer().substring(0, MAX_STACK_TRACE)
        : text.toString();
  }
}
