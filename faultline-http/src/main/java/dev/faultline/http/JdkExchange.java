package dev.faultline.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.faultline.wire.ProblemJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An exchange of the JDK's HttpServer, as {@link ServerBoundary} sees it. */
final class JdkExchange implements ServerExchange {
  private final HttpExchange exchange;
  private final WatchedStream body;

  /** Wraps the exchange and puts a {@link WatchedStream} in front of its response body. */
  JdkExchange(HttpExchange exchange) {
    this.exchange = exchange;
    this.body = new WatchedStream(exchange.getResponseBody());
    exchange.setStreams(null, body);
  }

  @Override
  public List<String> requestHeader(String name) {
    List<String> values = exchange.getRequestHeaders().get(name);
    return values == null ? List.of() : values;
  }

  @Override
  public String method() {
    return exchange.getRequestMethod();
  }

  @Override
  public String path() {
    String path = exchange.getRequestURI().getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  @Override
  public void setHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  @Override
  public boolean committed() {
    return exchange.getResponseCode() != -1;
  }

  @Override
  public Throwable unwrap(Throwable failure) {
    return failure;
  }

  @Override
  public boolean callerGone(Throwable failure) {
    return body.failed();
  }

  @Override
  public void send(int status, @Nullable String retryAfter, byte[] problem) throws IOException {
    try {
      Headers headers = contentCleared();
      headers.set("Content-Type", ProblemJson.MEDIA_TYPE);
      if (retryAfter != null) {
        headers.set("Retry-After", retryAfter);
      }
      boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, head ? -1 : problem.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(problem);
        }
      }
    } finally {
      exchange.close();
    }
  }

  @Override
  public void sendEmpty(int status) {
    try {
      contentCleared();
      exchange.sendResponseHeaders(status, -1);
    } catch (IOException | RuntimeException e) {
      // The caller is gone, as the status says; nothing is left to tell it.
    } finally {
      exchange.close();
    }
  }

  /** The response headers without those that described the handler's own body. */
  private Headers contentCleared() {
    Headers headers = exchange.getResponseHeaders();
    headers.remove("Content-Length");
    headers.remove("Content-Encoding");
    headers.remove("Transfer-Encoding");
    headers.remove("Content-Type");
    return headers;
  }
}
