package dev.faultline.kafka;

import dev.faultline.context.CallContext;
import dev.faultline.context.Propagation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The {@link CallContext} in Kafka record headers: {@code traceparent}, {@code tracestate} and
 * {@code faultline-budget-ms}, as UTF-8 values, exactly as {@link Propagation} writes them for
 * HTTP. The {@link FaultlineProducerInterceptor} and the {@link RecordProcessor} use it; call it
 * yourself where neither fits.
 *
 * <pre>{@code
 * ProducerRecord<String, String> record = new ProducerRecord<>("orders", key, value);
 * KafkaContext.inject(record.headers());               // a new span of the current trace
 *
 * CallContext context = KafkaContext.extract(consumerRecord.headers());
 * try (Scope scope = context.makeCurrent()) { ... }
 * }</pre>
 */
public final class KafkaContext {
  private static final Propagation.Getter<Headers> GETTER = KafkaContext::values;
  private static final Propagation.Setter<Headers> SETTER = KafkaContext::set;

  private KafkaContext() {}

  /**
   * Writes the {@linkplain CallContext#current() current context} into {@code headers} with a new
   * span for this record (a new trace when there is none), replacing any context headers there;
   * returns the context of the record, whose span id is the one sent.
   */
  public static CallContext inject(Headers headers) {
    return inject(CallContext.current(), headers);
  }

  /** Writes {@code context} into {@code headers} as {@link #inject(Headers)} does. */
  public static CallContext inject(CallContext context, Headers headers) {
    return Propagation.inject(context, headers, SETTER);
  }

  /**
   * The context of a received record: its trace with a new span for this consumer (a new trace when
   * the record has no valid {@code traceparent}), and a deadline that far from now when it carries
   * a budget.
   */
  public static CallContext extract(Headers headers) {
    return Propagation.extract(headers, GETTER);
  }

  /** Reads header values from Kafka headers, for {@link Propagation#extract}. */
  public static Propagation.Getter<Headers> getter() {
    return GETTER;
  }

  /** Replaces header values in Kafka headers, for {@link Propagation#inject}. */
  public static Propagation.Setter<Headers> setter() {
    return SETTER;
  }

  private static List<String> values(Headers headers, String name) {
    List<String> values = new ArrayList<>(1);
    for (Header header : headers) {
      if (header.key().equalsIgnoreCase(name) && header.value() != null) {
        values.add(new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static void set(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
