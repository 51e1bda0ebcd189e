package dev.faultline.http;

import static dev.faultline.http.ClientSamples.getWithoutTimeout;
import static dev.faultline.http.ClientSamples.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.faultline.Code;
import dev.faultline.Faults;
import dev.faultline.RemoteFaultException;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Peers that send too much, too slowly or nonsense: the call always ends, bounded. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class HostilePeerTest {
  private static final int TEN_MIB = 10 * 1024 * 1024;
  private final HttpClient client =
      FaultlineHttpClient.builder(HttpClient.newHttpClient()).maxErrorBody(4096).build();

  @Test
  void aTenMebibyteErrorBodyIsCutAtTheLimitAndTheCallReturnsPromptly() throws Exception {
    AtomicLong written = new AtomicLong();
    CompletableFuture<IOException> cut = new CompletableFuture<>();
    try (RecordingPeer huge =
        RecordingPeer.with(exchange -> writeError(exchange, TEN_MIB, written, cut))) {
      long start = System.nanoTime();
      RemoteFaultException thrown =
          thrown(
              RemoteFaultException.class,
              () -> client.send(getWithoutTimeout(huge.uri("/")), BodyHandlers.ofString()));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(thrown.fault().code()).isEqualTo(Code.INTERNAL);
      assertThat(thrown.fault().truncated()).isTrue();
      assertThat(cut.get(10, TimeUnit.SECONDS)).isNotNull();
      assertThat(written.get()).isLessThan(TEN_MIB);
    }
  }

  @Test
  void anEndlessErrorBodyIsNeverReadWhole() throws Exception {
    AtomicLong written = new AtomicLong();
    CompletableFuture<IOException> cut = new CompletableFuture<>();
    try (RecordingPeer endless =
        RecordingPeer.with(exchange -> writeError(exchange, 0, written, cut))) {
      RemoteFaultException thrown =
          thrown(
              RemoteFaultException.class,
              () -> client.send(getWithoutTimeout(endless.uri("/")), BodyHandlers.ofString()));
      assertThat(thrown.fault().code()).isEqualTo(Code.INTERNAL);
      assertThat(cut.get(10, TimeUnit.SECONDS)).isNotNull();
    }
  }

  @Test
  void aMalformedProblemBodyStillGivesTheStatusCode() throws Exception {
    byte[] broken = "{\"code\":\"NOT_FOUND\",\"detail\":\"No su".getBytes(StandardCharsets.UTF_8);
    try (RecordingPeer peer = RecordingPeer.answering(404, "application/problem+json", broken)) {
      assertThat(codeOf(peer)).isEqualTo(Code.NOT_FOUND);
    }
    byte[] garbage = {'{', '{', (byte) 0xff, (byte) 0xfe, 0, '[', ']'};
    try (RecordingPeer peer = RecordingPeer.answering(503, "application/problem+json", garbage)) {
      assertThat(codeOf(peer)).isEqualTo(Code.UNAVAILABLE);
    }
  }

  @Test
  void garbageHeadersDoNotBreakDecoding() throws Exception {
    try (RecordingPeer peer =
        RecordingPeer.with(
            exchange -> {
              var headers = exchange.getResponseHeaders();
              headers.add("Retry-After", "-5 bananas");
              headers.add("Retry-After", "99999999999999999999999");
              headers.add("traceparent", "zz-not-a-trace");
              headers.add("X-Request-Id", "x".repeat(8000));
              headers.add("grpc-status", "banana");
              RecordingPeer.respond(
                  exchange, 429, "application/problem+json; charset=ebcdic-nonsense", new byte[0]);
            })) {
      assertThat(codeOf(peer)).isEqualTo(Code.RESOURCE_EXHAUSTED);
    }
  }

  @Test
  void aSlowLorisErrorBodyEndsAtTheDeadline() throws Exception {
    assertSlowLorisEndsAtDeadline(503);
  }

  @Test
  void aSlowLorisSuccessBodyEndsAtTheDeadlineToo() throws Exception {
    assertSlowLorisEndsAtDeadline(200);
  }

  private void assertSlowLorisEndsAtDeadline(int status) throws Exception {
    try (SlowLorisPeer loris = new SlowLorisPeer(status)) {
      CallContext caller = CallContext.newTrace().withTimeout(Duration.ofMillis(1500));
      long start = System.nanoTime();
      HttpTimeoutException timeout;
      try (Scope scope = caller.makeCurrent()) {
        timeout =
            thrown(
                HttpTimeoutException.class,
                () -> client.send(getWithoutTimeout(loris.uri()), BodyHandlers.ofString()));
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(Duration.ofMillis(1000), Duration.ofSeconds(4));
      assertThat(Faults.classify(timeout).code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    }
  }

  private Code codeOf(RecordingPeer peer) {
    return thrown(
            RemoteFaultException.class,
            () -> client.send(getWithoutTimeout(peer.uri("/")), BodyHandlers.ofString()))
        .fault()
        .code();
  }

  /** A 500 with a body of {@code length} bytes (0: chunked and endless) until the write fails. */
  private static void writeError(
      HttpExchange exchange, long length, AtomicLong written, CompletableFuture<IOException> cut) {
    byte[] chunk =
        "{\"message\":\"aaaaaaaaaaaaaaaa\"}".repeat(512).getBytes(StandardCharsets.UTF_8);
    try {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(500, length);
      OutputStream out = exchange.getResponseBody();
      long limit = length == 0 ? Long.MAX_VALUE : length;
      while (written.get() < limit) {
        int n = (int) Math.min(chunk.length, limit - written.get());
        out.write(chunk, 0, n);
        written.addAndGet(n);
      }
      out.close();
    } catch (IOException e) {
      cut.complete(e);
    } finally {
      exchange.close();
    }
  }
}
