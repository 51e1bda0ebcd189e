package dev.faultline.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real JDK HttpServer on 127.0.0.1 and a free port, with one handler and its filters. */
final class JdkServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private JdkServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a server whose every path goes to {@code handler}, behind {@code filters}, outer first.
   */
  static JdkServer start(HttpHandler handler, Filter... filters) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    HttpContext context = server.createContext("/", handler);
    context.getFilters().addAll(java.util.List.of(filters));
    ExecutorService executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.start();
    return new JdkServer(server, executor);
  }

  /** The URI of {@code path} on this server. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
