package dev.faultline.http;

import static dev.faultline.http.ClientSamples.getWithoutTimeout;
import static dev.faultline.http.ClientSamples.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.RemoteFaultException;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real fastify 5 service on Node.js answers with fastify's own errors; each decodes right. */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // the first run installs fastify from npm
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class FastifyPeerTest {
  private static NodePeer fastify;
  private final HttpClient client = FaultlineHttpClient.wrap(HttpClient.newHttpClient());

  @BeforeAll
  static void startFastify() throws Exception {
    fastify = NodePeer.start("fastify");
  }

  @AfterAll
  static void stopFastify() {
    if (fastify != null) {
      fastify.close();
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void anUnknownRouteIsNotFound() {
    Fault fault = faultAt("/no/such/route");
    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.message()).contains("/no/such/route");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aSchemaValidationErrorIsInvalidArgumentAndKeepsFastifysCode() {
    Fault fault = faultAt("/items?limit=lots");
    assertThat(fault.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(fault.metadata()).containsEntry("appCode", "FST_ERR_VALIDATION");
    assertThat(fault.message()).contains("limit");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aReplyWithStatus503IsUnavailable() {
    Fault fault = faultAt("/unavailable");
    assertThat(fault.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(fault.message()).isEqualTo("Inventory is down for maintenance");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void theFaultIsStampedWithTheCallersTraceAndNamesThePeer() {
    CallContext caller = CallContext.newTrace();
    Fault fault;
    try (Scope scope = caller.makeCurrent()) {
      fault = faultAt("/unavailable");
    }
    assertThat(fault.traceId()).isEqualTo(caller.traceId());
    assertThat(fault.service()).isEqualTo(fastify.uri("/").getAuthority());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aSuccessPassesThrough() throws Exception {
    HttpResponse<String> ok =
        client.send(getWithoutTimeout(fastify.uri("/ok")), BodyHandlers.ofString());
    assertThat(ok.body()).isEqualTo("{\"ok\":true}");
  }

  private Fault faultAt(String path) {
    return thrown(
            RemoteFaultException.class,
            () -> client.send(getWithoutTimeout(fastify.uri(path)), BodyHandlers.ofString()))
        .fault();
  }
}
