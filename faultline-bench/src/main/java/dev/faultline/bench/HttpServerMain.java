package dev.faultline.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.http.FaultlineFilter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server of the HTTP benchmark, run in its own JVM: one JDK {@link HttpServer} on 127.0.0.1
 * with four routes, the same handlers bare and behind {@link FaultlineFilter#create()}. {@code
 * /bare/ok} and {@code /faultline/ok} answer 200; {@code /bare/missing} writes a 404 problem by
 * hand, {@code /faultline/missing} throws a NOT_FOUND fault that the filter answers. Prints {@code
 * PORT n}, then serves until its standard input closes (or ten minutes pass).
 */
public final class HttpServerMain {
  private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PROBLEM =
      ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
              + "\"detail\":\"No such SKU: 42\",\"code\":\"NOT_FOUND\",\"reason\":\"SKU_NOT_FOUND\"}")
          .getBytes(StandardCharsets.UTF_8);

  private HttpServerMain() {}

  /** Starts the server; see the class comment. */
  public static void main(String[] args) throws IOException, InterruptedException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    ExecutorService workers = Executors.newFixedThreadPool(4);
    server.setExecutor(workers);
    server.createContext("/bare/ok", HttpServerMain::ok);
    server.createContext("/bare/missing", HttpServerMain::handWrittenProblem);
    server
        .createContext("/faultline/ok", HttpServerMain::ok)
        .getFilters()
        .add(FaultlineFilter.create());
    server
        .createContext("/faultline/missing", HttpServerMain::fault)
        .getFilters()
        .add(FaultlineFilter.create());
    server.start();
    System.out.println("PORT " + server.getAddress().getPort());
    System.out.flush();
    Thread stopper = new Thread(() -> awaitEof(), "stdin-watch");
    stopper.setDaemon(true);
    stopper.start();
    stopper.join(TimeUnit.MINUTES.toMillis(10));
    server.stop(0);
    workers.shutdownNow();
    System.exit(0);
  }

  private static void awaitEof() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      while (in.readLine() != null) {
        // read until the driver closes our input
      }
    } catch (IOException e) {
      // the driver is gone: stop as well
    }
  }

  private static void ok(HttpExchange exchange) throws IOException {
    send(exchange, 200, "text/plain", OK);
  }

  private static void handWrittenProblem(HttpExchange exchange) throws IOException {
    send(exchange, 404, "application/problem+json", PROBLEM);
  }

  private static void fault(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
    throw Fault.builder(Code.NOT_FOUND)
        .reason("SKU_NOT_FOUND")
        .domain("inventory.example.com")
        .message("No such SKU: 42")
        .metadata("sku", "42")
        .build()
        .asException();
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
