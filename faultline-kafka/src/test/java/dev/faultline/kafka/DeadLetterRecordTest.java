package dev.faultline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.context.Propagation;
import dev.faultline.internal.FaultStamp;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterRecordTest {
  private final CallContext context = CallContext.newTrace().withService("orders");

  private ConsumerRecord<byte[], byte[]> record(RecordHeaders headers) {
    return new ConsumerRecord<>(
        "orders",
        3,
        42L,
        1_700_000_000_000L,
        TimestampType.CREATE_TIME,
        1,
        1,
        bytes("k"),
        bytes("v"),
        headers,
        Optional.empty());
  }

  private Failure failure() {
    IllegalStateException e = new IllegalStateException("secret text");
    return new Failure(FaultStamp.of(e, context), e, 3, false);
  }

  @Test
  void keepsKeyValueAndOtherHeadersAndAddsTheFault() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("app", bytes("x"));
    ProducerRecord<byte[], byte[]> letter =
        DeadLetterRecord.of(
            record(headers), "orders.dlt", failure(), context, "g", Exposure.PUBLIC, false);
    assertThat(letter.topic()).isEqualTo("orders.dlt");
    assertThat(letter.key()).isEqualTo(bytes("k"));
    assertThat(letter.value()).isEqualTo(bytes("v"));
    assertThat(text(letter, "app")).isEqualTo("x");
    assertThat(text(letter, DeadLetterHeaders.CODE)).isEqualTo("INTERNAL");
    assertThat(text(letter, DeadLetterHeaders.EXCEPTION))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(text(letter, DeadLetterHeaders.SERVICE)).isEqualTo("orders");
    assertThat(text(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
    assertThat(text(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("orders");
    assertThat(text(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("3");
    assertThat(text(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("42");
    assertThat(text(letter, DeadLetterHeaders.ORIGINAL_TIMESTAMP)).isEqualTo("1700000000000");
    assertThat(text(letter, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("g");
    assertThat(text(letter, Propagation.TRACEPARENT)).isEqualTo(context.traceParent().toString());
  }

  @Test
  void publicExposureKeepsExceptionTextAndStackOut() {
    ProducerRecord<byte[], byte[]> letter =
        DeadLetterRecord.of(
            record(new RecordHeaders()), "d", failure(), context, "g", Exposure.PUBLIC, true);
    assertThat(letter.headers().lastHeader(DeadLetterHeaders.STACKTRACE)).isNull();
    assertThat(letter.headers().lastHeader(DeadLetterHeaders.FAULT)).isNull();
    assertThat(letter.headers().lastHeader(SpringDltHeaders.EXCEPTION_STACKTRACE)).isNull();
    for (Header header : letter.headers()) {
      assertThat(new String(header.value(), StandardCharsets.UTF_8)).doesNotContain("secret text");
    }
  }

  @Test
  void debugExposureAddsTheStackAndTheWholeFault() {
    ProducerRecord<byte[], byte[]> letter =
        DeadLetterRecord.of(
            record(new RecordHeaders()), "d", failure(), context, "g", Exposure.DEBUG, true);
    assertThat(text(letter, DeadLetterHeaders.STACKTRACE))
        .startsWith("java.lang.IllegalStateException: secret text");
    assertThat(DeadLetterHeaders.fault(letter.headers()).code()).isEqualTo(Code.INTERNAL);
    assertThat(text(letter, SpringDltHeaders.EXCEPTION_MESSAGE)).isEqualTo("secret text");
    assertThat(text(letter, SpringDltHeaders.EXCEPTION_STACKTRACE)).contains("secret text");
  }

  @Test
  void springHeadersCarryNumbersAsBigEndianBinary() {
    ProducerRecord<byte[], byte[]> letter =
        DeadLetterRecord.of(
            record(new RecordHeaders()), "d", failure(), context, "g", Exposure.INTERNAL, true);
    byte[] partition = letter.headers().lastHeader(SpringDltHeaders.ORIGINAL_PARTITION).value();
    byte[] offset = letter.headers().lastHeader(SpringDltHeaders.ORIGINAL_OFFSET).value();
    byte[] timestamp = letter.headers().lastHeader(SpringDltHeaders.ORIGINAL_TIMESTAMP).value();
    assertThat(partition).hasSize(4);
    assertThat(ByteBuffer.wrap(partition).getInt()).isEqualTo(3);
    assertThat(offset).hasSize(8);
    assertThat(ByteBuffer.wrap(offset).getLong()).isEqualTo(42L);
    assertThat(ByteBuffer.wrap(timestamp).getLong()).isEqualTo(1_700_000_000_000L);
    assertThat(text(letter, SpringDltHeaders.ORIGINAL_TIMESTAMP_TYPE)).isEqualTo("CreateTime");
    assertThat(text(letter, SpringDltHeaders.ORIGINAL_TOPIC)).isEqualTo("orders");
    assertThat(text(letter, SpringDltHeaders.ORIGINAL_CONSUMER_GROUP)).isEqualTo("g");
    assertThat(text(letter, SpringDltHeaders.EXCEPTION_FQCN))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(text(letter, SpringDltHeaders.EXCEPTION_MESSAGE))
        .isEqualTo(Code.INTERNAL.defaultMessage());
    assertThat(letter.headers().lastHeader(SpringDltHeaders.EXCEPTION_STACKTRACE)).isNull();
  }

  @Test
  void deadLetteringADeadLetterReplacesItsHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("app", bytes("x"));
    ProducerRecord<byte[], byte[]> first =
        DeadLetterRecord.of(record(headers), "d", failure(), context, "g", Exposure.DEBUG, true);
    ProducerRecord<byte[], byte[]> second =
        DeadLetterRecord.of(
            record(new RecordHeaders(first.headers().toArray())),
            "d",
            failure(),
            context,
            "g",
            Exposure.DEBUG,
            true);
    assertThat(second.headers().toArray()).hasSameSizeAs(first.headers().toArray());
    assertThat(second.headers().headers(DeadLetterHeaders.CODE)).hasSize(1);
    assertThat(second.headers().headers(Propagation.TRACEPARENT)).hasSize(1);
    assertThat(second.headers().headers(SpringDltHeaders.ORIGINAL_OFFSET)).hasSize(1);
  }

  @Test
  void faultIsReadBackFromTheSeparateHeadersWithoutTheWholeOne() {
    Fault fault =
        Fault.builder(Code.NOT_FOUND)
            .reason("SKU_NOT_FOUND")
            .domain("shop")
            .message("No SKU")
            .build();
    ProducerRecord<byte[], byte[]> letter =
        DeadLetterRecord.of(
            record(new RecordHeaders()),
            "d",
            new Failure(fault, null, 1, false),
            context,
            null,
            Exposure.PUBLIC,
            false);
    Fault read = DeadLetterHeaders.fault(letter.headers());
    assertThat(read.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(read.reason()).isEqualTo("SKU_NOT_FOUND");
    assertThat(read.domain()).isEqualTo("shop");
    assertThat(read.message()).isEqualTo("No SKU");
    assertThat(letter.headers().lastHeader(DeadLetterHeaders.CONSUMER_GROUP)).isNull();
  }

  private static String text(ProducerRecord<byte[], byte[]> record, String name) {
    return DeadLetterHeaders.value(record.headers(), name);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
