package dev.faultline.http;

import static dev.faultline.http.ClientSamples.getWithoutTimeout;
import static dev.faultline.http.ClientSamples.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.Faults;
import dev.faultline.RemoteFaultException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failure mode 1: a typical client wrapper replaces the downstream error with its own text. The
 * plain client gives only a status and an unparsed body; Faultline keeps the code, reason, trace
 * and chain, also through such a wrapper.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LossWithoutFaultlineTest {
  private final Fault stockDown =
      Fault.builder(Code.UNAVAILABLE)
          .reason("STOCK_UNAVAILABLE")
          .domain("inventory.example.com")
          .service("inventory")
          .message("Stock cannot be checked right now")
          .traceId(ClientSamples.PEER_TRACE)
          .cause(ClientSamples.inventoryFailure(ClientSamples.PEER_TRACE))
          .build();
  private final RecordingPeer peer =
      RecordingPeer.answering(503, "application/problem+json", ClientSamples.problem(stockDown));

  @AfterEach
  void stopPeer() {
    peer.close();
  }

  /** What client code typically does with the plain JDK client. */
  private static String typicalWrapper(HttpClient client, RecordingPeer peer) throws Exception {
    HttpResponse<String> response =
        client.send(getWithoutTimeout(peer.uri("/stock")), BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw new RuntimeException("service unavailable");
    }
    return response.body();
  }

  @Test
  void thePlainClientGivesOnlyAStatusAndAnUnparsedBody() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(getWithoutTimeout(peer.uri("/stock")), BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).startsWith("{").contains("STOCK_UNAVAILABLE");
  }

  @Test
  void aTypicalWrapperLosesCodeReasonAndTrace() {
    RuntimeException wrapped =
        thrown(RuntimeException.class, () -> typicalWrapper(HttpClient.newHttpClient(), peer));
    assertThat(wrapped.getMessage()).isEqualTo("service unavailable");
    assertThat(Faults.classify(wrapped).code()).isEqualTo(Code.INTERNAL);
    assertThat(Faults.hasCode(wrapped, Code.UNAVAILABLE)).isFalse();
    assertThat(Faults.hasReason(wrapped, "STOCK_UNAVAILABLE")).isFalse();
    assertThat(Faults.classify(wrapped).traceId()).isNull();
  }

  @Test
  void faultlineKeepsThemEvenThroughTheSameWrapper() {
    HttpClient client = FaultlineHttpClient.wrap(HttpClient.newHttpClient());
    RemoteFaultException remote =
        thrown(RemoteFaultException.class, () -> typicalWrapper(client, peer));
    RuntimeException rewrapped = new RuntimeException("service unavailable", remote);
    assertThat(Faults.hasCode(rewrapped, Code.UNAVAILABLE)).isTrue();
    assertThat(Faults.hasReason(rewrapped, "inventory.example.com", "STOCK_UNAVAILABLE")).isTrue();
    assertThat(Faults.hasReason(rewrapped, "DB_DOWN")).isTrue();
    assertThat(remote.fault().traceId()).isEqualTo(ClientSamples.PEER_TRACE);
    assertThat(remote.fault().message()).isEqualTo("Stock cannot be checked right now");
  }
}
