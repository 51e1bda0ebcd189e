package dev.faultline.kafka;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.FaultBuilder;
import dev.faultline.wire.FaultHeader;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The names of the headers a {@link RecordProcessor} writes on a dead letter, and readers for them.
 * Every value is a UTF-8 string (numbers in decimal). A record that is dead-lettered again gets
 * these headers replaced, never repeated, so it does not grow. See {@code docs/wire-format.md}.
 *
 * <pre>{@code
 * String topic = DeadLetterHeaders.value(record.headers(), DeadLetterHeaders.ORIGINAL_TOPIC);
 * Fault fault = DeadLetterHeaders.fault(record.headers());
 * }</pre>
 */
public final class DeadLetterHeaders {
  /** The prefix of every Faultline dead-letter header. */
  public static final String PREFIX = "faultline.";

  /** The canonical code of the fault, such as {@code INTERNAL}. */
  public static final String CODE = "faultline.code";

  /** The reason of the fault, when it has one. */
  public static final String REASON = "faultline.reason";

  /** The domain of the reason, when there is one. */
  public static final String DOMAIN = "faultline.domain";

  /** The fault's safe message. */
  public static final String MESSAGE = "faultline.message";

  /** The service that failed to process the record, when known. */
  public static final String SERVICE = "faultline.service";

  /** The class name of the exception that failed the record. */
  public static final String EXCEPTION = "faultline.exception";

  /** The stack trace of that exception; only at {@code DEBUG} exposure. */
  public static final String STACKTRACE = "faultline.stacktrace";

  /** The whole fault as {@link FaultHeader} encodes it; at {@code INTERNAL} exposure and above. */
  public static final String FAULT = "faultline.fault";

  /** How many times the handler was run on the record (1 for a record dead-lettered at once). */
  public static final String ATTEMPTS = "faultline.attempts";

  /**
   * How many times the record was replayed from a dead-letter topic before ({@code 0} at first).
   */
  public static final String REPLAYS = "faultline.replays";

  /** The topic the record was consumed from. */
  public static final String ORIGINAL_TOPIC = "faultline.original.topic";

  /** The partition the record was consumed from. */
  public static final String ORIGINAL_PARTITION = "faultline.original.partition";

  /** The offset of the record in that partition. */
  public static final String ORIGINAL_OFFSET = "faultline.original.offset";

  /** The record's timestamp, in milliseconds since the epoch. */
  public static final String ORIGINAL_TIMESTAMP = "faultline.original.timestamp";

  /** The consumer group that failed to process the record. */
  public static final String CONSUMER_GROUP = "faultline.consumer.group";

  private DeadLetterHeaders() {}

  /** The last value of header {@code name} as UTF-8 text, or null when there is none. */
  public static @Nullable String value(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * The fault of a dead letter: the whole fault of {@link #FAULT} when it is there, else the one
   * made of {@link #CODE}, {@link #REASON}, {@link #DOMAIN}, {@link #MESSAGE}, {@link #SERVICE} and
   * {@link #EXCEPTION}; {@link Code#UNKNOWN} when the record has none of them. Never throws.
   */
  public static Fault fault(Headers headers) {
    String whole = value(headers, FAULT);
    if (whole != null) {
      return FaultHeader.decode(whole);
    }
    Code code = Code.parse(value(headers, CODE));
    FaultBuilder builder = Fault.builder(code == null ? Code.UNKNOWN : code);
    String message = value(headers, MESSAGE);
    if (message != null) {
      builder.message(message);
    }
    String reason = value(headers, REASON);
    if (reason != null && FaultBuilder.isValidReason(reason)) {
      builder.reason(reason);
    }
    return builder
        .domain(value(headers, DOMAIN))
        .service(value(headers, SERVICE))
        .exception(value(headers, EXCEPTION))
        .build();
  }

  /** Whether a header is one the processor owns on a dead letter (and so replaces). */
  static boolean isOwned(String name) {
    return name.startsWith(PREFIX) || name.startsWith(SpringDltHeaders.PREFIX);
  }
}
