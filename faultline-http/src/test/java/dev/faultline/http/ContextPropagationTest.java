package dev.faultline.http;

import static dev.faultline.http.ClientSamples.getWithoutTimeout;
import static dev.faultline.http.ClientSamples.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.FaultException;
import dev.faultline.context.CallContext;
import dev.faultline.context.Deadline;
import dev.faultline.context.Scope;
import dev.faultline.context.TraceParent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every request carries to the peer: trace, a new span, tracestate and the budget. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class ContextPropagationTest {
  private final HttpClient client = FaultlineHttpClient.wrap(HttpClient.newHttpClient());
  private final RecordingPeer peer = RecordingPeer.answering(204, "text/plain", new byte[0]);

  @AfterEach
  void stopPeer() {
    peer.close();
  }

  @Test
  void thePeerSeesTheCallersTraceWithANewSpanAndTheTracestate() throws Exception {
    CallContext caller = CallContext.newTrace().withTraceState("vendor=abc,other=1");
    try (Scope scope = caller.makeCurrent()) {
      client.send(getWithoutTimeout(peer.uri("/")), BodyHandlers.discarding());
    }
    TraceParent sent = TraceParent.parse(peer.header("traceparent"));
    assertThat(sent).isNotNull();
    assertThat(sent.traceId()).isEqualTo(caller.traceId());
    assertThat(sent.spanId()).isNotEqualTo(caller.spanId());
    assertThat(peer.header("tracestate")).isEqualTo("vendor=abc,other=1");
    assertThat(peer.header("faultline-budget-ms")).isNull();
  }

  @Test
  void sendAsyncCarriesTheContextCurrentWhenItIsCalled() throws Exception {
    CallContext caller = CallContext.newTrace();
    try (Scope scope = caller.makeCurrent()) {
      client.sendAsync(getWithoutTimeout(peer.uri("/")), BodyHandlers.discarding()).get();
    }
    assertThat(TraceParent.parse(peer.header("traceparent")).traceId()).isEqualTo(caller.traceId());
  }

  @Test
  void eachCallGetsItsOwnSpan() throws Exception {
    CallContext caller = CallContext.newTrace();
    try (Scope scope = caller.makeCurrent()) {
      client.send(getWithoutTimeout(peer.uri("/")), BodyHandlers.discarding());
      client.send(getWithoutTimeout(peer.uri("/")), BodyHandlers.discarding());
    }
    assertThat(peer.requests.get(0).getFirst("traceparent"))
        .isNotEqualTo(peer.requests.get(1).getFirst("traceparent"));
  }

  @Test
  void withoutAContextACallStartsATrace() throws Exception {
    client.send(getWithoutTimeout(peer.uri("/")), BodyHandlers.discarding());
    assertThat(TraceParent.parse(peer.header("traceparent"))).isNotNull();
  }

  @Test
  void theBudgetSentIsAtMostWhatTheCallerHasLeft() throws Exception {
    CallContext caller = CallContext.newTrace().withTimeout(Duration.ofSeconds(5));
    try (Scope scope = caller.makeCurrent()) {
      client.send(getWithoutTimeout(peer.uri("/")), BodyHandlers.discarding());
    }
    Duration leftAfter = caller.deadline().remaining();
    long budget = Long.parseLong(peer.header("faultline-budget-ms"));
    assertThat(budget).isBetween(leftAfter.toMillis() - 100, 5000L - 100);
  }

  @Test
  void theBudgetSentKeepsATenthBackForTheAnswerSoThePeerRunsOutFirst() throws Exception {
    CallContext caller = CallContext.newTrace().withTimeout(Duration.ofMillis(500));
    try (Scope scope = caller.makeCurrent()) {
      client.send(getWithoutTimeout(peer.uri("/")), BodyHandlers.discarding());
    }
    long budget = Long.parseLong(peer.header("faultline-budget-ms"));
    assertThat(budget).isPositive().isLessThanOrEqualTo(450L);
  }

  @Test
  void theRequestTimeoutIsTheTimeLeftWhenTheRequestHasNone() throws Exception {
    CallContext caller = CallContext.newTrace().withTimeout(Duration.ofSeconds(3));
    HttpResponse<Void> response;
    try (Scope scope = caller.makeCurrent()) {
      response = client.send(getWithoutTimeout(peer.uri("/")), BodyHandlers.discarding());
    }
    assertThat(response.request().timeout())
        .hasValueSatisfying(
            t -> assertThat(t).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3)));
  }

  @Test
  void aShorterRequestTimeoutIsKeptAndALongerOneIsCutToTheDeadline() throws Exception {
    HttpRequest shortTimeout =
        HttpRequest.newBuilder(peer.uri("/")).timeout(Duration.ofMillis(1500)).build();
    HttpRequest longTimeout =
        HttpRequest.newBuilder(peer.uri("/")).timeout(Duration.ofMinutes(5)).build();
    CallContext caller = CallContext.newTrace().withTimeout(Duration.ofSeconds(10));
    try (Scope scope = caller.makeCurrent()) {
      assertThat(client.send(shortTimeout, BodyHandlers.discarding()).request().timeout())
          .contains(Duration.ofMillis(1500));
      assertThat(client.send(longTimeout, BodyHandlers.discarding()).request().timeout())
          .hasValueSatisfying(t -> assertThat(t).isLessThanOrEqualTo(Duration.ofSeconds(10)));
    }
  }

  @Test
  void theCallersRequestIsNotChanged() throws Exception {
    HttpRequest original = getWithoutTimeout(peer.uri("/"));
    try (Scope scope = CallContext.newTrace().withTimeout(Duration.ofSeconds(3)).makeCurrent()) {
      client.send(original, BodyHandlers.discarding());
    }
    assertThat(original.headers().map()).isEmpty();
    assertThat(original.timeout()).isEmpty();
  }

  @Test
  void anExpiredDeadlineFailsAtOnceWithoutSending() throws Exception {
    CallContext expired = CallContext.newTrace().withDeadline(Deadline.after(Duration.ZERO));
    FaultException sync;
    ExecutionException async;
    try (Scope scope = expired.makeCurrent()) {
      sync =
          thrown(
              FaultException.class,
              () -> client.send(getWithoutTimeout(peer.uri("/")), BodyHandlers.discarding()));
      async =
          thrown(
              ExecutionException.class,
              () ->
                  client
                      .sendAsync(getWithoutTimeout(peer.uri("/")), BodyHandlers.discarding())
                      .get());
    }
    assertThat(sync.fault().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(sync.fault().traceId()).isEqualTo(expired.traceId());
    assertThat(async.getCause()).isInstanceOf(FaultException.class);
    assertThat(((FaultException) async.getCause()).fault().code())
        .isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(peer.requests).isEmpty();
  }
}
