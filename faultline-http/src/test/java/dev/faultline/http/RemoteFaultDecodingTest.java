package dev.faultline.http;

import static dev.faultline.http.ClientSamples.get;
import static dev.faultline.http.ClientSamples.inventoryFailure;
import static dev.faultline.http.ClientSamples.problem;
import static dev.faultline.http.ClientSamples.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.RemoteFaultException;
import dev.faultline.context.CallContext;
import dev.faultline.context.Propagation;
import dev.faultline.context.Scope;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A Faultline peer answers problem+json with a cause chain; the client throws it intact. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class RemoteFaultDecodingTest {
  private final HttpClient client = FaultlineHttpClient.wrap(HttpClient.newHttpClient());
  private RecordingPeer peer;

  @BeforeEach
  void startPeer() {
    // Like a Faultline server: the fault is stamped with the trace the request came with.
    peer =
        RecordingPeer.with(
            exchange -> {
              CallContext received =
                  Propagation.extract(exchange.getRequestHeaders(), (h, n) -> h.get(n));
              Fault fault = inventoryFailure(received.traceId());
              exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
              RecordingPeer.respond(
                  exchange, fault.code().httpStatus(), "application/problem+json", problem(fault));
            });
  }

  @AfterEach
  void stopPeer() {
    peer.close();
  }

  @Test
  void sendThrowsThePeersFaultWithItsCauseChain() {
    CallContext caller = CallContext.newTrace().withService("orders");
    RemoteFaultException thrown;
    try (Scope scope = caller.makeCurrent()) {
      thrown =
          thrown(
              RemoteFaultException.class,
              () -> client.send(get(peer.uri("/stock/42")), BodyHandlers.ofString()));
    }
    assertInventoryChain(thrown, caller.traceId());
  }

  @Test
  void sendAsyncCompletesExceptionallyWithThePeersFault() throws Exception {
    CallContext caller = CallContext.newTrace();
    var future =
        caller
            .wrap(() -> client.sendAsync(get(peer.uri("/stock/42")), BodyHandlers.ofString()))
            .call();
    assertThatThrownBy(future::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(RemoteFaultException.class);
    ExecutionException failed = thrown(ExecutionException.class, future::get);
    assertInventoryChain((RemoteFaultException) failed.getCause(), caller.traceId());
  }

  @Test
  void theMessageNamesThePeersServiceAndTheCauseShowsTheNextHop() {
    RemoteFaultException thrown =
        thrown(
            RemoteFaultException.class,
            () -> client.send(get(peer.uri("/stock/42")), BodyHandlers.ofString()));
    assertThat(thrown.getMessage())
        .isEqualTo("[inventory] INTERNAL STOCK_LOOKUP_FAILED: Could not look up stock");
    assertThat(thrown.getCause().getMessage())
        .isEqualTo("[inventory-db] UNAVAILABLE DB_DOWN: Database is down");
  }

  @Test
  void aPeerThatSendsNoServiceIsNamedByItsAddress() throws Exception {
    byte[] body = "{\"code\":\"NOT_FOUND\",\"detail\":\"No such SKU\"}".getBytes(UTF8);
    try (RecordingPeer anonymous = RecordingPeer.answering(404, "application/problem+json", body)) {
      RemoteFaultException thrown =
          thrown(
              RemoteFaultException.class,
              () -> client.send(get(anonymous.uri("/x")), BodyHandlers.discarding()));
      String address = anonymous.uri("/").getAuthority();
      assertThat(thrown.fault().service()).isEqualTo(address);
      assertThat(thrown.getMessage()).startsWith("[" + address + "] NOT_FOUND");
    }
  }

  @Test
  void thePeersOwnTraceIdIsKeptAndOursFillsInWhenItSentNone() throws Exception {
    Fault foreignTrace = inventoryFailure(ClientSamples.PEER_TRACE);
    try (RecordingPeer other =
        RecordingPeer.answering(500, "application/problem+json", problem(foreignTrace))) {
      CallContext caller = CallContext.newTrace();
      try (Scope scope = caller.makeCurrent()) {
        RemoteFaultException kept =
            thrown(
                RemoteFaultException.class,
                () -> client.send(get(other.uri("/")), BodyHandlers.discarding()));
        assertThat(kept.fault().traceId()).isEqualTo(ClientSamples.PEER_TRACE);
      }
    }
    byte[] traceless = "{\"code\":\"ABORTED\"}".getBytes(UTF8);
    try (RecordingPeer other =
        RecordingPeer.answering(409, "application/problem+json", traceless)) {
      CallContext caller = CallContext.newTrace();
      try (Scope scope = caller.makeCurrent()) {
        RemoteFaultException filled =
            thrown(
                RemoteFaultException.class,
                () -> client.send(get(other.uri("/")), BodyHandlers.discarding()));
        assertThat(filled.fault().traceId()).isEqualTo(caller.traceId());
      }
    }
  }

  @Test
  void aSuccessReachesTheCallersBodyHandlerUntouched() throws Exception {
    byte[] json = "{\"sku\":\"42\",\"stock\":7}".getBytes(UTF8);
    try (RecordingPeer ok = RecordingPeer.answering(200, "application/json", json)) {
      HttpResponse<String> response = client.send(get(ok.uri("/ok")), BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"sku\":\"42\",\"stock\":7}");
      HttpResponse<byte[]> async =
          client.sendAsync(get(ok.uri("/ok")), BodyHandlers.ofByteArray()).get();
      assertThat(async.body()).isEqualTo(json);
    }
  }

  @Test
  void inReturnModeTheErrorResponseIsReturnedAndFaultOfDecodesIt() throws Exception {
    HttpClient returning =
        FaultlineHttpClient.builder(HttpClient.newHttpClient()).throwOnError(false).build();
    CallContext caller = CallContext.newTrace();
    HttpResponse<byte[]> response;
    try (Scope scope = caller.makeCurrent()) {
      response = returning.send(get(peer.uri("/stock/42")), BodyHandlers.ofByteArray());
    }
    assertThat(response.statusCode()).isEqualTo(500);
    Fault fault = FaultlineHttpClient.faultOf(response, response.body());
    assertThat(fault.reason()).isEqualTo("STOCK_LOOKUP_FAILED");
    assertThat(fault.traceId()).isEqualTo(caller.traceId());
    assertThat(fault.cause().reason()).isEqualTo("DB_DOWN");
    HttpResponse<String> text = returning.send(get(peer.uri("/")), BodyHandlers.ofString());
    assertThat(FaultlineHttpClient.faultOf(text).cause().code()).isEqualTo(Code.UNAVAILABLE);
  }

  @Test
  void isErrorDecidesWhichStatusesAreThrown() throws Exception {
    HttpClient onlyServerErrors =
        FaultlineHttpClient.builder(HttpClient.newHttpClient()).isError(s -> s >= 501).build();
    HttpResponse<String> response =
        onlyServerErrors.send(get(peer.uri("/")), BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("STOCK_LOOKUP_FAILED");
  }

  private static void assertInventoryChain(RemoteFaultException thrown, String traceId) {
    assertThat(thrown).isNotNull();
    Fault fault = thrown.fault();
    assertThat(fault.code()).isEqualTo(Code.INTERNAL);
    assertThat(fault.reason()).isEqualTo("STOCK_LOOKUP_FAILED");
    assertThat(fault.domain()).isEqualTo("inventory.example.com");
    assertThat(fault.service()).isEqualTo("inventory");
    assertThat(fault.metadata()).containsEntry("sku", "42");
    assertThat(fault.traceId()).isEqualTo(traceId);
    assertThat(thrown.getCause()).isInstanceOf(RemoteFaultException.class);
    Fault cause = ((RemoteFaultException) thrown.getCause()).fault();
    assertThat(cause.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(cause.reason()).isEqualTo("DB_DOWN");
    assertThat(cause.service()).isEqualTo("inventory-db");
    assertThat(cause).isEqualTo(fault.cause());
    assertThat(thrown.getCause().getCause()).isNull();
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
