package dev.faultline.http;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One request/response pair as {@link ServerBoundary} sees it, whatever the server: the JDK's
 * HttpServer ({@link JdkExchange}) or a Servlet container ({@link ServletExchange}).
 */
interface ServerExchange {
  /** Every value of the request header {@code name}, matched case-insensitively; empty if none. */
  List<String> requestHeader(String name);

  /** The request method, such as {@code GET}. */
  String method();

  /** The raw path of the request, without its query (which may hold secrets). */
  String path();

  /** Sets a response header, replacing any value it had. */
  void setHeader(String name, String value);

  /** Whether the response has started (status line sent), so it can no longer be rewritten. */
  boolean committed();

  /** The failure the handler really stands for, seeing through the server's own wrappers. */
  Throwable unwrap(Throwable failure);

  /** Whether {@code failure} happened because the caller went away while the handler wrote. */
  boolean callerGone(Throwable failure);

  /**
   * Answers with a problem+json body and ends the exchange.
   *
   * @throws IOException when writing fails, which means the caller went away
   */
  void send(int status, @Nullable String retryAfter, byte[] body) throws IOException;

  /** Ends the exchange with a bare status and no body, at best effort; never throws. */
  void sendEmpty(int status);
}
