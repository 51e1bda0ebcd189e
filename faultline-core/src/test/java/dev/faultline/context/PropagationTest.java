package dev.faultline.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropagationTest {
  static final Propagation.Getter<HttpHeaders> HTTP_HEADERS = (h, name) -> h.allValues(name);
  static final String PARENT = TraceParentTest.VALID;

  @Test
  void serverKeepsTheTraceOfAClientOverAMap() {
    CallContext client = CallContext.newTrace().withTraceState("rojo=00f067aa0ba902b7");
    Map<String, List<String>> headers = new HashMap<>();

    CallContext call = Propagation.inject(client, headers, Propagation.mapSetter());
    CallContext server = Propagation.extract(headers, Propagation.mapGetter());

    assertThat(headers.get("traceparent")).containsExactly(call.traceParent().toString());
    assertThat(call.traceId()).isEqualTo(client.traceId());
    assertThat(call.spanId()).isNotEqualTo(client.spanId());
    assertThat(server.traceId()).isEqualTo(client.traceId());
    assertThat(server.spanId()).isNotEqualTo(call.spanId()).isNotEqualTo(client.spanId());
    assertThat(server.traceState()).isEqualTo("rojo=00f067aa0ba902b7");
  }

  @Test
  void serverKeepsTheTraceOfAClientOverJdkHttpHeaders() {
    CallContext client = CallContext.newTrace().withTraceState("congo=t61rcWkgMzE");
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost/"));

    CallContext call = Propagation.inject(client, builder, HttpRequest.Builder::setHeader);
    HttpHeaders received = builder.build().headers();
    CallContext server = Propagation.extract(received, HTTP_HEADERS);

    assertThat(received.firstValue("traceparent")).contains(call.traceParent().toString());
    assertThat(server.traceId()).isEqualTo(client.traceId());
    assertThat(server.spanId()).isNotEqualTo(call.spanId());
    assertThat(server.traceState()).isEqualTo("congo=t61rcWkgMzE");
  }

  @Test
  void injectStartsATraceWhenTheContextHasNone() {
    Map<String, List<String>> headers = new HashMap<>();

    CallContext call = Propagation.inject(CallContext.root(), headers, Propagation.mapSetter());

    assertThat(call.traceParent()).isNotNull();
    assertThat(headers).containsOnlyKeys("traceparent");
  }

  @Test
  void readsHeaderNamesInAnyCase() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("TraceParent", List.of(PARENT));
    headers.put("TRACESTATE", List.of("a=1"));
    headers.put("Faultline-Budget-Ms", List.of("5000"));

    CallContext server = Propagation.extract(headers, Propagation.mapGetter());

    assertThat(server.traceId()).isEqualTo(TraceParentTest.TRACE);
    assertThat(server.traceState()).isEqualTo("a=1");
    assertThat(server.deadline()).isNotNull();
  }

  @Test
  void readsMixedCaseNamesOverJdkHttpHeaders() {
    HttpHeaders headers =
        HttpHeaders.of(
            Map.of("TraceParent", List.of(PARENT), "TRACESTATE", List.of("a=1", "b=2")),
            (name, value) -> true);

    CallContext server = Propagation.extract(headers, HTTP_HEADERS);

    assertThat(server.traceId()).isEqualTo(TraceParentTest.TRACE);
    assertThat(server.traceState()).isEqualTo("a=1,b=2");
  }

  @Test
  void startsANewTraceWhenTraceparentIsRepeated() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("traceparent", List.of(PARENT));
    headers.put("TraceParent", List.of(PARENT));
    headers.put("tracestate", List.of("a=1"));

    CallContext server = Propagation.extract(headers, Propagation.mapGetter());

    assertThat(server.traceId()).isNotNull().isNotEqualTo(TraceParentTest.TRACE);
    assertThat(server.traceState()).isNull();
  }

  @Test
  void startsANewTraceAndDropsTracestateWhenTraceparentIsInvalidOrMissing() {
    Map<String, List<String>> invalid =
        Map.of("traceparent", List.of(PARENT.toUpperCase()), "tracestate", List.of("a=1"));
    Map<String, List<String>> missing = Map.of("tracestate", List.of("a=1"));

    CallContext fromInvalid = Propagation.extract(invalid, Propagation.mapGetter());
    CallContext fromMissing = Propagation.extract(missing, Propagation.mapGetter());

    assertThat(fromInvalid.traceParent()).isNotNull();
    assertThat(fromInvalid.traceId()).isNotEqualTo(TraceParentTest.TRACE);
    assertThat(fromInvalid.traceState()).isNull();
    assertThat(fromMissing.traceParent()).isNotNull();
    assertThat(fromMissing.traceState()).isNull();
  }

  @Test
  void dropsAnInvalidTracestateButKeepsTheTrace() {
    Map<String, List<String>> headers =
        Map.of("traceparent", List.of(PARENT), "tracestate", List.of("a=1,a=2"));

    CallContext server = Propagation.extract(headers, Propagation.mapGetter());

    assertThat(server.traceId()).isEqualTo(TraceParentTest.TRACE);
    assertThat(server.traceState()).isNull();
  }

  @Test
  void injectCutsALongTracestateTo512Chars() {
    String kept = TraceStateTest.members(10) + ",big=" + "x".repeat(250);
    String state = kept + ",bog=" + "o".repeat(250);
    Map<String, List<String>> headers = new HashMap<>();

    CallContext call =
        Propagation.inject(
            CallContext.newTrace().withTraceState(state), headers, Propagation.mapSetter());

    assertThat(call.traceState()).isEqualTo(state);
    assertThat(headers.get("tracestate")).containsExactly(kept);
  }

  @Test
  void mapSetterReplacesValuesUnderAnyCaseOfTheName() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("TraceParent", List.of("stale"));
    headers.put("other", List.of("kept"));

    Propagation.inject(CallContext.newTrace(), headers, Propagation.mapSetter());

    assertThat(headers).containsOnlyKeys("traceparent", "other");
    assertThat(headers.get("traceparent")).hasSize(1).doesNotContain("stale");
  }

  @Test
  void sendsNoBudgetWithoutADeadline() {
    Map<String, List<String>> headers = new HashMap<>();

    Propagation.inject(CallContext.newTrace(), headers, Propagation.mapSetter());
    CallContext server = Propagation.extract(headers, Propagation.mapGetter());

    assertThat(headers).doesNotContainKey(Propagation.BUDGET);
    assertThat(server.deadline()).isNull();
  }

  @Test
  void sendsTheRemainingBudgetAsRelativeWholeMilliseconds() {
    CallContext client = CallContext.newTrace().withTimeout(Duration.ofSeconds(30));
    Map<String, List<String>> headers = new HashMap<>();

    Propagation.inject(client, headers, Propagation.mapSetter());

    long sent = Long.parseLong(headers.get(Propagation.BUDGET).get(0));
    assertThat(sent).isBetween(29_000L, 30_000L);
    CallContext server = Propagation.extract(headers, Propagation.mapGetter());
    assertThat(server.deadline().remaining())
        .isLessThanOrEqualTo(Duration.ofMillis(sent))
        .isGreaterThan(Duration.ofMillis(sent - 5_000));
  }

  @Test
  void sendsZeroForAnExpiredDeadline() {
    CallContext client = CallContext.newTrace().withDeadline(Deadline.after(Duration.ZERO));
    Map<String, List<String>> headers = new HashMap<>();

    Propagation.inject(client, headers, Propagation.mapSetter());
    CallContext server = Propagation.extract(headers, Propagation.mapGetter());

    assertThat(headers.get(Propagation.BUDGET)).containsExactly("0");
    assertThat(server.deadline().isExpired()).isTrue();
  }

  @Test
  void sendsTheTimeLeftLessATenthAtMostAHundredMillisecondsForTheAnswersWayBack() {
    assertThat(Propagation.budgetToSend(500)).isEqualTo(450);
    assertThat(Propagation.budgetToSend(30_000)).isEqualTo(29_900);
    assertThat(Propagation.budgetToSend(5)).isEqualTo(5);
    assertThat(Propagation.budgetToSend(0)).isZero();
  }
}
