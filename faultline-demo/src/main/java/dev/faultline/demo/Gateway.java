package dev.faultline.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import dev.faultline.grpc.FaultlineClientInterceptor;
import dev.faultline.http.FaultlineFilter;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The shop's public edge: a JDK {@code HttpServer} in front of the orders service (gRPC).
 *
 * <ul>
 *   <li>{@code POST /orders?item=apple} places an order;
 *   <li>{@code GET /quote?items=apple,pear} prices several items at once.
 * </ul>
 *
 * <p>Faultline here is two lines: a {@link FaultlineFilter} at {@code PUBLIC} exposure, so that a
 * failure anywhere behind the gateway reaches the outside as a well-formed problem+json with the
 * trace id and nothing internal; and a {@link FaultlineClientInterceptor} on the channel, so that
 * orders gets the trace and the deadline, and its failures come back with their whole chain (which
 * the gateway's fault journal keeps).
 */
public final class Gateway {
  /** Every request gets this long, end to end; the budget crosses every hop behind us. */
  static final Duration DEADLINE = Duration.ofSeconds(2);

  private final Channel orders;

  private Gateway(Channel orders) {
    this.orders = orders;
  }

  /**
   * Runs the gateway.
   *
   * @param args the port to listen on, and the port of the orders service
   * @throws IOException when the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    Lifeline.exitWithParent();
    int port = Integer.parseInt(args[0]);
    int ordersPort = Integer.parseInt(args[1]);

    Channel channel =
        ClientInterceptors.intercept(
            NettyChannelBuilder.forAddress("127.0.0.1", ordersPort).usePlaintext().build(),
            FaultlineClientInterceptor.create()); // Faultline: context out, remote faults in
    FaultlineFilter faultline =
        FaultlineFilter.builder() // Faultline: every failure becomes a safe problem+json
            .service("gateway")
            .exposure(Exposure.PUBLIC)
            .build();

    Gateway gateway = new Gateway(channel);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/orders", gateway::placeOrder).getFilters().add(faultline);
    server.createContext("/quote", gateway::quote).getFilters().add(faultline);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "gateway-stop"));
    Lifeline.ready("gateway", "http://127.0.0.1:" + port);
  }

  private void placeOrder(HttpExchange exchange) throws IOException {
    String item = query(exchange, "item");
    respond(exchange, 201, call(OrdersApi.PLACE, item));
  }

  private void quote(HttpExchange exchange) throws IOException {
    String items = query(exchange, "items");
    respond(exchange, 200, call(OrdersApi.QUOTE, items));
  }

  /**
   * Calls orders under the request's context with the gateway's deadline. A failure is not caught:
   * the filter answers it (a {@code StatusRuntimeException} whose cause is the remote fault).
   */
  @SuppressWarnings("try") // the scope is opened for its effect on CallContext.current()
  private String call(MethodDescriptor<String, String> method, String request) {
    try (Scope scope = CallContext.current().withTimeout(DEADLINE).makeCurrent()) {
      return ClientCalls.blockingUnaryCall(orders, method, CallOptions.DEFAULT, request);
    }
  }

  private static String query(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith(name + "=")) {
          return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
        }
      }
    }
    throw Fault.builder(Code.INVALID_ARGUMENT)
        .reason("PARAMETER_MISSING")
        .domain("shop.example.com")
        .message("The query parameter '" + name + "' is missing")
        .metadata("parameter", name)
        .build()
        .asException();
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
