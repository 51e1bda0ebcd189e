package dev.faultline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.context.CallContext;
import dev.faultline.context.Propagation;
import dev.faultline.context.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes are only closed
class KafkaContextTest {
  @Test
  void injectWritesANewSpanOfTheCurrentTraceAndTheBudget() {
    CallContext context = CallContext.newTrace().withTimeout(Duration.ofSeconds(5));
    Headers headers = new RecordHeaders();
    CallContext sent;
    try (Scope scope = context.makeCurrent()) {
      sent = KafkaContext.inject(headers);
    }
    String traceparent = DeadLetterHeaders.value(headers, Propagation.TRACEPARENT);
    assertThat(traceparent).contains(context.traceId()).doesNotContain(context.spanId());
    assertThat(traceparent).isEqualTo(sent.traceParent().toString());
    assertThat(Long.parseLong(DeadLetterHeaders.value(headers, Propagation.BUDGET)))
        .isBetween(4000L, 5000L);
  }

  @Test
  void injectReplacesContextHeadersInsteadOfAddingAnother() {
    Headers headers = new RecordHeaders();
    KafkaContext.inject(CallContext.newTrace(), headers);
    KafkaContext.inject(CallContext.newTrace(), headers);
    assertThat(headers.headers(Propagation.TRACEPARENT)).hasSize(1);
  }

  @Test
  void extractKeepsTheTraceWithANewSpan() {
    CallContext origin = CallContext.newTrace();
    Headers headers = new RecordHeaders();
    CallContext sent = KafkaContext.inject(origin, headers);
    CallContext received = KafkaContext.extract(headers);
    assertThat(received.traceId()).isEqualTo(origin.traceId());
    assertThat(received.spanId()).isNotEqualTo(sent.spanId());
  }

  @Test
  void extractStartsANewTraceFromGarbage() {
    Headers headers = new RecordHeaders();
    headers.add(Propagation.TRACEPARENT, "nonsense".getBytes(StandardCharsets.UTF_8));
    headers.add(Propagation.BUDGET, "-5".getBytes(StandardCharsets.UTF_8));
    CallContext received = KafkaContext.extract(headers);
    assertThat(received.traceId()).isNotNull();
    assertThat(received.deadline()).isNull();
  }

  @Test
  void interceptorAddsTheCurrentTraceAndLeavesAnExplicitOneAlone() {
    FaultlineProducerInterceptor<String, String> interceptor = new FaultlineProducerInterceptor<>();
    CallContext context = CallContext.newTrace();
    ProducerRecord<String, String> plain = new ProducerRecord<>("t", "k", "v");
    ProducerRecord<String, String> explicit = new ProducerRecord<>("t", "k", "v");
    explicit
        .headers()
        .add(
            Propagation.TRACEPARENT,
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                .getBytes(StandardCharsets.UTF_8));
    try (Scope scope = context.makeCurrent()) {
      interceptor.onSend(plain);
      interceptor.onSend(explicit);
    }
    assertThat(KafkaContext.extract(plain.headers()).traceId()).isEqualTo(context.traceId());
    assertThat(KafkaContext.extract(explicit.headers()).traceId())
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void interceptorCopiesARecordWhoseHeadersAreFrozen() {
    ProducerRecord<String, String> sentBefore = new ProducerRecord<>("t", "k", "v");
    ((RecordHeaders) sentBefore.headers()).setReadOnly();
    ProducerRecord<String, String> out =
        new FaultlineProducerInterceptor<String, String>().onSend(sentBefore);
    assertThat(out).isNotSameAs(sentBefore);
    assertThat(out.headers().lastHeader(Propagation.TRACEPARENT)).isNotNull();
    assertThat(out.value()).isEqualTo("v");
  }
}
