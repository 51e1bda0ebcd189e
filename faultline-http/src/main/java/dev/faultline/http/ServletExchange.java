package dev.faultline.http;

import dev.faultline.wire.ProblemJson;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A request and response of a Servlet container, as {@link ServerBoundary} sees them. */
final class ServletExchange implements ServerExchange {
  private static final int MAX_UNWRAP = 16;

  private final HttpServletRequest request;
  private final HttpServletResponse response;

  ServletExchange(HttpServletRequest request, HttpServletResponse response) {
    this.request = request;
    this.response = response;
  }

  @Override
  public List<String> requestHeader(String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? List.of() : Collections.list(values);
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    String path = request.getRequestURI();
    return path == null || path.isEmpty() ? "/" : path;
  }

  @Override
  public void setHeader(String name, String value) {
    response.setHeader(name, value);
  }

  @Override
  public boolean committed() {
    return response.isCommitted();
  }

  /** A {@link ServletException} only carries the real failure, its cause: that is answered. */
  @Override
  public Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    for (int i = 0; i < MAX_UNWRAP && t instanceof ServletException && t.getCause() != null; i++) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Whether the failure is a container's "the caller went away" exception: an {@link EOFException}
   * (Jetty's {@code EofException}) or Tomcat's {@code ClientAbortException} in the chain of a
   * failure after the response started.
   */
  @Override
  public boolean callerGone(Throwable failure) {
    Throwable t = failure;
    for (int i = 0; t != null && i < MAX_UNWRAP; i++, t = t.getCause()) {
      if (t instanceof EOFException
          || t.getClass().getSimpleName().equals("ClientAbortException")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void send(int status, @Nullable String retryAfter, byte[] problem) throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(ProblemJson.MEDIA_TYPE);
    if (retryAfter != null) {
      response.setHeader("Retry-After", retryAfter);
    }
    write(problem);
    response.flushBuffer();
    completeAsync();
  }

  @Override
  public void sendEmpty(int status) {
    try {
      response.resetBuffer();
      response.setStatus(status);
      response.setContentLength(0);
      response.flushBuffer();
      completeAsync();
    } catch (IOException | RuntimeException e) {
      // The caller is gone, as the status says; nothing is left to tell it.
    }
  }

  /** Writes the body through the output stream, or the writer if the handler already took it. */
  private void write(byte[] problem) throws IOException {
    ServletOutputStream out;
    try {
      out = response.getOutputStream();
    } catch (IllegalStateException writerTaken) {
      response.getWriter().write(new String(problem, StandardCharsets.UTF_8));
      return;
    }
    response.setContentLength(problem.length);
    out.write(problem);
  }

  /** A handler that went async and then failed leaves the request to be completed here. */
  private void completeAsync() {
    if (request.isAsyncStarted()) {
      request.getAsyncContext().complete();
    }
  }
}
