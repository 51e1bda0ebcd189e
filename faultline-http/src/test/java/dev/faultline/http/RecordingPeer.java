package dev.faultline.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real JDK HttpServer on 127.0.0.1 (a free port) that records the headers of every request it
 * receives before its handler answers. Handlers run on daemon threads that are interrupted on
 * close, so a handler that never answers cannot outlive the test.
 */
final class RecordingPeer implements AutoCloseable {
  final List<Headers> requests = new CopyOnWriteArrayList<>();
  final CountDownLatch received = new CountDownLatch(1);
  private final HttpServer server;
  private final ExecutorService handlers;

  private RecordingPeer(HttpHandler handler) {
    handlers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "recording-peer");
              thread.setDaemon(true);
              return thread;
            });
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(handlers);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestHeaders());
          received.countDown();
          handler.handle(exchange);
        });
    server.start();
  }

  /** A peer that runs {@code handler} for every request. */
  static RecordingPeer with(HttpHandler handler) {
    return new RecordingPeer(handler);
  }

  /** A peer that answers every request with this status, content type and body. */
  static RecordingPeer answering(int status, String contentType, byte[] body) {
    return with(exchange -> respond(exchange, status, contentType, body));
  }

  /** A peer that takes every request and never answers it. */
  static RecordingPeer silent() {
    return with(
        exchange -> {
          try {
            Thread.sleep(Long.MAX_VALUE);
          } catch (InterruptedException e) {
            exchange.close();
          }
        });
  }

  static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** The first value of header {@code name} of the only request received. */
  String header(String name) {
    return requests.get(0).getFirst(name);
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
