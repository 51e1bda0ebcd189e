package dev.faultline.http;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.context.Deadline;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.jspecify.annotations.Nullable;

/**
 * Three real services on loopback, each calling the next through {@link FaultlineHttpClient}:
 * "gateway" (JDK HttpServer, {@link FaultlineFilter}) → "orders" (Jetty 12, {@link
 * FaultlineServletFilter}) → "inventory" (JDK HttpServer), where inventory fails with {@code
 * NOT_FOUND SKU_NOT_FOUND}. Each hop records what its handler saw and has a journal of its own.
 */
final class ServiceChain implements AutoCloseable {
  /** What one hop's handler saw when it started, and the journal of that hop's filter. */
  static final class Hop {
    final String name;
    final Recorder recorder = new Recorder();
    volatile @Nullable CallContext seen;
    volatile @Nullable Duration budget;

    private Hop(String name) {
      this.name = name;
    }

    private void enter() {
      CallContext context = CallContext.current();
      Deadline deadline = context.deadline();
      seen = context;
      budget = deadline == null ? null : deadline.remaining();
    }
  }

  final Hop gateway = new Hop("gateway");
  final Hop orders = new Hop("orders");
  final Hop inventory = new Hop("inventory");
  private final HttpClient client = FaultlineHttpClient.wrap(HttpClient.newHttpClient());
  private final Duration pause;
  private @Nullable JdkServer inventoryServer;
  private @Nullable JettyServer ordersServer;
  private @Nullable JdkServer gatewayServer;

  private ServiceChain(Duration pause) {
    this.pause = pause;
  }

  /**
   * Starts the chain: the gateway answers at {@code gatewayExposure}, the others at INTERNAL; each
   * hop pauses {@code pause} before its work, and inventory, when its request has a deadline, waits
   * until that deadline has passed before it fails.
   */
  static ServiceChain start(Exposure gatewayExposure, Duration pause) throws Exception {
    ServiceChain chain = new ServiceChain(pause);
    try {
      chain.startServers(gatewayExposure);
    } catch (Exception | Error e) {
      chain.close();
      throw e;
    }
    return chain;
  }

  private void startServers(Exposure gatewayExposure) throws Exception {
    JdkServer inventoryServer =
        JdkServer.start(exchange -> inventoryWork(), filter(inventory, Exposure.INTERNAL));
    this.inventoryServer = inventoryServer;
    JettyServer ordersServer =
        JettyServer.start(
            TestServlet.of(
                (request, response) -> {
                  orders.enter();
                  sleep(pause);
                  call(inventoryServer.uri("/stock/42"));
                  response.setStatus(204);
                }),
            new FilterHolder(
                FaultlineServletFilter.builder()
                    .service("orders")
                    .exposure(Exposure.INTERNAL)
                    .journal(orders.recorder.journal)
                    .build()));
    this.ordersServer = ordersServer;
    gatewayServer =
        JdkServer.start(
            exchange -> {
              gateway.enter();
              sleep(pause);
              call(ordersServer.uri("/orders/42"));
              exchange.sendResponseHeaders(204, -1);
              exchange.close();
            },
            filter(gateway, gatewayExposure));
  }

  /**
   * Sends one request through the whole chain and forgets what it left behind, so that a test that
   * measures time does not also measure class loading and the first connections.
   */
  void warmUp() throws IOException, InterruptedException {
    Http.get(gatewayUri("/warm-up"));
    for (Hop hop : java.util.List.of(gateway, orders, inventory)) {
      hop.recorder.settled();
      hop.recorder.clear();
    }
  }

  /** The URI of {@code path} on the gateway, the first hop. */
  URI gatewayUri(String path) {
    JdkServer server = gatewayServer;
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.uri(path);
  }

  private void inventoryWork() throws IOException {
    inventory.enter();
    sleep(pause);
    Deadline deadline = CallContext.current().deadline();
    if (deadline != null) {
      sleep(deadline.remaining().plusMillis(5));
    }
    throw Fault.builder(Code.NOT_FOUND)
        .reason("SKU_NOT_FOUND")
        .domain("inventory.example.com")
        .message("No such SKU")
        .metadata("sku", "42")
        .build()
        .asException();
  }

  private void call(URI uri) throws IOException {
    try {
      client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  private static FaultlineFilter filter(Hop hop, Exposure exposure) {
    return FaultlineFilter.builder()
        .service(hop.name)
        .exposure(exposure)
        .journal(hop.recorder.journal)
        .build();
  }

  private static void sleep(Duration duration) throws InterruptedIOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  @Override
  public void close() {
    if (gatewayServer != null) {
      gatewayServer.close();
    }
    if (ordersServer != null) {
      ordersServer.close();
    }
    if (inventoryServer != null) {
      inventoryServer.close();
    }
  }
}
