package dev.faultline.http;

import static dev.faultline.http.ClientSamples.getWithoutTimeout;
import static dev.faultline.http.ClientSamples.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Fault;
import dev.faultline.RemoteFaultException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real responses of other frameworks, replayed by a JDK HttpServer, decode to the right codes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ForeignPeersTest {
  /** Headers the JDK server writes itself. */
  private static final Set<String> FRAMING =
      Set.of("content-length", "transfer-encoding", "connection", "date", "keep-alive");

  private final HttpClient client = FaultlineHttpClient.wrap(HttpClient.newHttpClient());

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "spring6-problemdetail-404.http",
        "fastapi-validation-422-pydantic1.http",
        "grpc-gateway-resource-exhausted-429.http",
        "aws-json-dynamodb-resource-not-found-400.http",
        "kubernetes-status-409-conflict.http",
        "fastify-validation-400.http",
        "nginx-502.http",
        "envoy-503-upstream-reset.http",
      })
  void aForeignErrorResponseIsThrownWithItsCanonicalCode(String file) {
    try (RecordingPeer peer = replaying(file)) {
      RemoteFaultException thrown =
          thrown(
              RemoteFaultException.class,
              () -> client.send(getWithoutTimeout(peer.uri("/")), BodyHandlers.ofString()));
      assertThat(thrown.fault().code().name()).isEqualTo(ForeignCorpus.expectedCode(file));
    }
  }

  @Test
  void aGraphQlFailureOnA200IsReturnedAndFaultOfReadsIt() throws Exception {
    String file = "graphql-apollo-unauthenticated-200.http";
    try (RecordingPeer peer = replaying(file)) {
      HttpResponse<byte[]> response =
          client.send(getWithoutTimeout(peer.uri("/graphql")), BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      Fault fault = FaultlineHttpClient.faultOf(response, response.body());
      assertThat(fault.code().name()).isEqualTo(ForeignCorpus.expectedCode(file));
    }
  }

  private static RecordingPeer replaying(String file) {
    ForeignCorpus.Response recorded = ForeignCorpus.read(file);
    return RecordingPeer.with(
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          for (Map.Entry<String, String> header : recorded.headers()) {
            if (!FRAMING.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
              exchange.getResponseHeaders().add(header.getKey(), header.getValue());
            }
          }
          byte[] body = recorded.body();
          exchange.sendResponseHeaders(recorded.status(), body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
  }
}
