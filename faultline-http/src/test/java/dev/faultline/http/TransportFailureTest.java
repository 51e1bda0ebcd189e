package dev.faultline.http;

import static dev.faultline.http.ClientSamples.getWithoutTimeout;
import static dev.faultline.http.ClientSamples.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Faults;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.MemorySink;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Transport failures keep the JDK's exceptions, and each classifies to its own code. They reach the
 * caller, so the client does not journal them: the caller's boundary reports them once.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class TransportFailureTest {
  private final MemorySink memory = MemorySink.withCapacity(10);
  private final FaultJournal journal = FaultJournal.create(memory);
  private final HttpClient client =
      FaultlineHttpClient.builder(HttpClient.newHttpClient()).journal(journal).build();

  @Test
  void aRefusedConnectionIsAConnectExceptionThatClassifiesUnavailable() throws Exception {
    URI closed = closedPort();
    ConnectException sync =
        thrown(
            ConnectException.class,
            () -> client.send(getWithoutTimeout(closed), BodyHandlers.discarding()));
    assertThat(Faults.classify(sync).code()).isEqualTo(Code.UNAVAILABLE);
    ExecutionException async =
        thrown(
            ExecutionException.class,
            () -> client.sendAsync(getWithoutTimeout(closed), BodyHandlers.discarding()).get());
    assertThat(async.getCause()).isInstanceOf(ConnectException.class);
    assertThat(Faults.classify(async).code()).isEqualTo(Code.UNAVAILABLE);
    assertNothingJournaled();
  }

  @Test
  void aPeerThatNeverAnswersEndsAtTheDeadlineAsDeadlineExceeded() throws Exception {
    try (RecordingPeer silent = RecordingPeer.silent()) {
      CallContext caller = CallContext.newTrace().withTimeout(Duration.ofMillis(400));
      long start = System.nanoTime();
      HttpTimeoutException timeout;
      try (Scope scope = caller.makeCurrent()) {
        timeout =
            thrown(
                HttpTimeoutException.class,
                () -> client.send(getWithoutTimeout(silent.uri("/")), BodyHandlers.ofString()));
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isLessThan(Duration.ofSeconds(3));
      assertThat(Faults.classify(timeout).code()).isEqualTo(Code.DEADLINE_EXCEEDED);
      assertThat(silent.requests).hasSize(1);
    }
    assertNothingJournaled();
  }

  @Test
  void sendAsyncUnderADeadlineFailsAsDeadlineExceededToo() throws Exception {
    try (RecordingPeer silent = RecordingPeer.silent()) {
      CompletableFuture<?> future;
      try (Scope scope = CallContext.newTrace().withTimeout(Duration.ofMillis(300)).makeCurrent()) {
        future = client.sendAsync(getWithoutTimeout(silent.uri("/")), BodyHandlers.ofString());
      }
      ExecutionException failed =
          thrown(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
      assertThat(Faults.classify(failed).code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    }
  }

  @Test
  void interruptingABlockedSendThrowsInterruptedExceptionThatClassifiesCancelled()
      throws Exception {
    try (RecordingPeer silent = RecordingPeer.silent()) {
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  client.send(getWithoutTimeout(silent.uri("/")), BodyHandlers.ofString());
                  outcome.complete(null);
                } catch (Throwable e) {
                  outcome.complete(e);
                }
              });
      caller.start();
      try {
        assertThat(silent.received.await(10, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        Throwable failure = outcome.get(10, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(InterruptedException.class);
        assertThat(Faults.classify(failure).code()).isEqualTo(Code.CANCELLED);
      } finally {
        caller.interrupt();
        caller.join(5000);
      }
    }
    assertNothingJournaled();
  }

  private void assertNothingJournaled() {
    assertThat(journal.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(memory.records()).isEmpty();
  }

  private static URI closedPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/");
  }
}
