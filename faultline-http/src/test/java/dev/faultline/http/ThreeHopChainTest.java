package dev.faultline.http;

import static dev.faultline.http.ClientSamples.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.Faults;
import dev.faultline.RemoteFaultException;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import dev.faultline.journal.FaultRecord;
import dev.faultline.wire.ProblemJson;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real chain gateway (JDK) → orders (Jetty) → inventory (JDK) where inventory does not know the
 * SKU: the first caller sees every hop's fault in order, under its own trace id, and only as much
 * as the gateway's exposure allows.
 */
@Timeout(20)
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class ThreeHopChainTest {
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CALLER_SPAN = "00f067aa0ba902b7";
  static final String TRACEPARENT = "00-" + TRACE + "-" + CALLER_SPAN + "-01";

  @Test
  void theFirstCallerSeesEachHopsFaultInOrderUnderOneTraceId() throws Exception {
    ServiceChain chain = ServiceChain.start(Exposure.INTERNAL, Duration.ZERO);
    try {
      HttpResponse<byte[]> response =
          Http.get(chain.gatewayUri("/checkout"), "traceparent", TRACEPARENT);

      assertThat(response.statusCode()).isEqualTo(500);
      Fault gateway = ProblemJson.decode(response.body());
      assertThat(hops(gateway))
          .containsExactly(
              "gateway INTERNAL null", "orders INTERNAL null", "inventory NOT_FOUND SKU_NOT_FOUND");
      Fault inventory = Objects.requireNonNull(gateway.cause().cause());
      assertThat(inventory.domain()).isEqualTo("inventory.example.com");
      assertThat(inventory.metadata()).containsEntry("sku", "42");
      assertThat(gateway.traceId()).isEqualTo(TRACE);
      assertThat(gateway.cause().traceId()).isEqualTo(TRACE);
      assertThat(inventory.traceId()).isEqualTo(TRACE);
      assertThat(Http.traceResponse(response).traceId()).isEqualTo(TRACE);
    } finally {
      chain.close();
    }
  }

  @Test
  void everyHopRunsUnderTheCallersTraceIdWithASpanOfItsOwn() throws Exception {
    ServiceChain chain = ServiceChain.start(Exposure.INTERNAL, Duration.ZERO);
    try {
      Http.get(chain.gatewayUri("/checkout"), "traceparent", TRACEPARENT);

      List<ServiceChain.Hop> hops = List.of(chain.gateway, chain.orders, chain.inventory);
      for (ServiceChain.Hop hop : hops) {
        CallContext seen = Objects.requireNonNull(hop.seen, hop.name);
        assertThat(seen.traceId()).as(hop.name).isEqualTo(TRACE);
        assertThat(seen.service()).as(hop.name).isEqualTo(hop.name);
      }
      assertThat(hops.stream().map(hop -> hop.seen.spanId()))
          .doesNotHaveDuplicates()
          .doesNotContain(CALLER_SPAN);
      for (ServiceChain.Hop hop : hops) {
        FaultRecord record = hop.recorder.single();
        assertThat(record.traceId()).as(hop.name).isEqualTo(TRACE);
        assertThat(record.spanId()).as(hop.name).isEqualTo(hop.seen.spanId());
        assertThat(record.service()).as(hop.name).isEqualTo(hop.name);
      }
    } finally {
      chain.close();
    }
  }

  @Test
  void atPublicExposureTheGatewayLeaksNothingBeyondItsOwnFault() throws Exception {
    ServiceChain chain = ServiceChain.start(Exposure.PUBLIC, Duration.ZERO);
    try {
      HttpResponse<byte[]> response =
          Http.get(chain.gatewayUri("/checkout"), "traceparent", TRACEPARENT);

      assertThat(response.statusCode()).isEqualTo(500);
      String body = Http.text(response);
      assertThat(body)
          .contains("\"code\":\"INTERNAL\"", TRACE)
          .doesNotContain(
              "causes", "\"service\"", "gateway", "orders", "inventory", "SKU", "sku", "No such")
          .doesNotContain("Exception", "exception", "stackTrace", "127.0.0.1");
      Fault fault = ProblemJson.decode(response.body());
      assertThat(fault.cause()).isNull();
      assertThat(fault.traceId()).isEqualTo(TRACE);
      // The chain is not lost: the gateway's own journal still has all of it.
      assertThat(hops(chain.gateway.recorder.single().fault()))
          .containsExactly(
              "gateway INTERNAL null", "orders INTERNAL null", "inventory NOT_FOUND SKU_NOT_FOUND");
    } finally {
      chain.close();
    }
  }

  @Test
  void throughFaultlineHttpClientTheCallerGetsARemoteChainGatewayOrdersInventory()
      throws Exception {
    ServiceChain chain = ServiceChain.start(Exposure.INTERNAL, Duration.ZERO);
    HttpClient client = FaultlineHttpClient.wrap(HttpClient.newHttpClient());
    CallContext caller = CallContext.newTrace();
    try (Scope scope = caller.makeCurrent()) {
      HttpRequest request = HttpRequest.newBuilder(chain.gatewayUri("/checkout")).build();

      RemoteFaultException thrown =
          thrown(RemoteFaultException.class, () -> client.send(request, BodyHandlers.discarding()));

      assertThat(thrown).isNotNull();
      assertThat(services(thrown)).containsExactly("gateway", "orders", "inventory");
      assertThat(Faults.hasReason(thrown, "SKU_NOT_FOUND")).isTrue();
      assertThat(Faults.hasCode(thrown, Code.NOT_FOUND)).isTrue();
      assertThat(thrown.fault().traceId()).isEqualTo(caller.traceId());
      assertThat(chain.inventory.seen.traceId()).isEqualTo(caller.traceId());
    } finally {
      chain.close();
    }
  }

  /** "service CODE reason" of the fault and each of its causes, outermost first. */
  static List<String> hops(Fault fault) {
    List<String> hops = new java.util.ArrayList<>();
    for (Fault f = fault; f != null; f = f.cause()) {
      hops.add(f.service() + " " + f.code() + " " + f.reason());
    }
    return hops;
  }

  /** The service of each remote fault in the Java cause chain, outermost first. */
  static List<String> services(Throwable thrown) {
    List<String> services = new java.util.ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof RemoteFaultException) {
        services.add(((RemoteFaultException) t).fault().service());
      }
    }
    return services;
  }
}
