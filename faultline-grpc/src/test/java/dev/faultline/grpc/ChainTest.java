package dev.faultline.grpc;

import static dev.faultline.grpc.TestGrpc.UNARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.sun.net.httpserver.HttpServer;
import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.Faults;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import dev.faultline.http.FaultlineFilter;
import dev.faultline.http.FaultlineHttpClient;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.MemorySink;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * orders (gRPC) → inventory (gRPC) → warehouse (HTTP), the last failing NOT_FOUND: one trace end to
 * end, the whole chain at the first caller at INTERNAL, only the outer fault at PUBLIC.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class ChainTest {
  private final Set<String> tracesSeen = ConcurrentHashMap.newKeySet();
  private final FaultJournal journal = FaultJournal.create(MemorySink.withCapacity(100));
  private HttpServer warehouse;
  private Server inventory;
  private ManagedChannel toInventory;
  private Server orders;
  private ManagedChannel toOrders;

  @BeforeEach
  void startChain() throws Exception {
    warehouse = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    warehouse
        .createContext(
            "/stock",
            exchange -> {
              tracesSeen.add(String.valueOf(CallContext.current().traceId()));
              throw Fault.builder(Code.NOT_FOUND)
                  .reason("STOCK_NOT_FOUND")
                  .domain("warehouse.example.com")
                  .message("No stock for SKU 42")
                  .build()
                  .asException();
            })
        .getFilters()
        .add(
            FaultlineFilter.builder()
                .service("warehouse")
                .exposure(Exposure.INTERNAL)
                .journal(journal)
                .build());
    warehouse.start();
    HttpClient http = FaultlineHttpClient.wrap(HttpClient.newHttpClient());
    URI stock = URI.create("http://127.0.0.1:" + warehouse.getAddress().getPort() + "/stock");
    inventory =
        TestGrpc.start(
            Services.replying(
                sku -> {
                  tracesSeen.add(String.valueOf(CallContext.current().traceId()));
                  try {
                    return http.send(
                            HttpRequest.newBuilder(stock).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body();
                  } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                }),
            server("inventory", Exposure.INTERNAL));
    toInventory = TestGrpc.channel(inventory);
  }

  private void startOrders(Exposure exposure) throws Exception {
    orders =
        TestGrpc.start(
            Services.replying(
                sku -> {
                  tracesSeen.add(String.valueOf(CallContext.current().traceId()));
                  return ClientCalls.blockingUnaryCall(
                      TestGrpc.withFaultline(toInventory), UNARY, CallOptions.DEFAULT, sku);
                }),
            server("orders", exposure));
    toOrders = TestGrpc.channel(orders);
  }

  @AfterEach
  void stopChain() throws Exception {
    try {
      if (toOrders != null) {
        TestGrpc.shutdown(toOrders, orders);
      }
      TestGrpc.shutdown(toInventory, inventory);
    } finally {
      warehouse.stop(0);
    }
  }

  @Test
  void theFirstCallerSeesTheWholeChainUnderOneTraceAtInternal() throws Exception {
    startOrders(Exposure.INTERNAL);
    CallContext caller = CallContext.newTrace();
    StatusRuntimeException e = callOrders(caller);

    assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INTERNAL);
    Fault orders = TestGrpc.remote(e).fault();
    List<String> hops = Faults.render(orders).lines().skip(1).toList();
    assertThat(hops).hasSize(3);
    assertThat(orders.service()).isEqualTo("orders");
    assertThat(orders.code()).isEqualTo(Code.INTERNAL);
    Fault inventory = orders.cause();
    assertThat(inventory.service()).isEqualTo("inventory");
    assertThat(inventory.code()).isEqualTo(Code.INTERNAL);
    Fault warehouse = inventory.cause();
    assertThat(warehouse.service()).isEqualTo("warehouse");
    assertThat(warehouse.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(warehouse.reason()).isEqualTo("STOCK_NOT_FOUND");
    assertThat(warehouse.message()).isEqualTo("No stock for SKU 42");
    for (Fault f = orders; f != null; f = f.cause()) {
      assertThat(f.traceId()).as(f.toString()).isEqualTo(caller.traceId());
    }
    assertThat(tracesSeen).containsExactly(caller.traceId());
    assertThat(Faults.hasCode(e, Code.NOT_FOUND)).isTrue();
    assertThat(Faults.hasReason(e, "warehouse.example.com", "STOCK_NOT_FOUND")).isTrue();
  }

  @Test
  void atPublicTheFirstCallerSeesOnlyTheOuterFault() throws Exception {
    startOrders(Exposure.PUBLIC);
    CallContext caller = CallContext.newTrace();
    StatusRuntimeException e = callOrders(caller);

    assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INTERNAL);
    Fault orders = TestGrpc.remote(e).fault();
    assertThat(orders.cause()).isNull();
    assertThat(orders.traceId()).isEqualTo(caller.traceId());
    assertThat(TestGrpc.details(e).getDetailsList())
        .extracting(Any::getTypeUrl)
        .containsExactly("type.googleapis.com/google.rpc.ErrorInfo");
    assertThat(TestGrpc.details(e).toString()).doesNotContain("STOCK_NOT_FOUND", "warehouse");
  }

  private StatusRuntimeException callOrders(CallContext caller) {
    try (Scope scope = caller.makeCurrent()) {
      return catchThrowableOfType(
          StatusRuntimeException.class,
          () ->
              ClientCalls.blockingUnaryCall(
                  TestGrpc.withFaultline(toOrders), UNARY, CallOptions.DEFAULT, "42"));
    }
  }

  private FaultlineServerInterceptor server(String name, Exposure exposure) {
    return FaultlineServerInterceptor.builder()
        .service(name)
        .exposure(exposure)
        .journal(journal)
        .build();
  }
}
