package dev.faultline.http;

import static dev.faultline.http.ClientSamples.getWithoutTimeout;
import static dev.faultline.http.ClientSamples.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When the caller stops waiting, the exchange is aborted; a peer's fault that still arrives reaches
 * nobody, so it is journaled once as CLIENT, with the caller's trace.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class CallerGivesUpTest {
  @Test
  void cancellingTheFutureAbortsTheExchangeAtThePeer() throws Exception {
    CompletableFuture<IOException> writeFailed = new CompletableFuture<>();
    try (RecordingPeer endless =
        RecordingPeer.with(exchange -> writeForever(exchange, writeFailed))) {
      HttpClient client = FaultlineHttpClient.wrap(HttpClient.newHttpClient());
      CompletableFuture<?> future =
          client.sendAsync(getWithoutTimeout(endless.uri("/")), BodyHandlers.ofString());
      assertThat(endless.received.await(10, TimeUnit.SECONDS)).isTrue();
      future.cancel(true);
      assertThat(writeFailed.get(10, TimeUnit.SECONDS)).isNotNull();
    }
  }

  @Test
  void aPeersFaultArrivingAfterTheCallerGaveUpIsJournaledOnce() throws Exception {
    MemorySink memory = MemorySink.withCapacity(10);
    FaultJournal journal = FaultJournal.create(memory);
    HttpClient client = FaultlineHttpClient.builder(new DetachedClient()).journal(journal).build();
    Fault late =
        Fault.builder(Code.UNAVAILABLE).reason("STOCK_UNAVAILABLE").service("inventory").build();
    try (RecordingPeer slow =
        RecordingPeer.with(
            exchange -> {
              sleep(600);
              RecordingPeer.respond(
                  exchange, 503, "application/problem+json", ClientSamples.problem(late));
            })) {
      CallContext caller = CallContext.newTrace();
      CompletableFuture<?> future;
      try (Scope scope = caller.makeCurrent()) {
        future =
            client
                .sendAsync(getWithoutTimeout(slow.uri("/")), BodyHandlers.ofString())
                .orTimeout(100, TimeUnit.MILLISECONDS);
      }
      ExecutionException gaveUp = thrown(ExecutionException.class, future::get);
      assertThat(gaveUp).hasCauseInstanceOf(TimeoutException.class);
      List<FaultRecord> records = memory.await(1, Duration.ofSeconds(10));
      assertThat(journal.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(memory.records()).hasSize(1);
      FaultRecord record = records.get(0);
      assertThat(record.kind()).isEqualTo(FaultKind.CLIENT);
      assertThat(record.fault().reason()).isEqualTo("STOCK_UNAVAILABLE");
      assertThat(record.traceId()).isEqualTo(caller.traceId());
    }
  }

  private static void writeForever(
      com.sun.net.httpserver.HttpExchange exchange, CompletableFuture<IOException> failed) {
    byte[] chunk = new byte[16 * 1024];
    try {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      for (long written = 0; written < (1L << 34); written += chunk.length) {
        out.write(chunk);
      }
    } catch (IOException e) {
      failed.complete(e);
    } finally {
      exchange.close();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
