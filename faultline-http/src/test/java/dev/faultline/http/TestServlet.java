package dev.faultline.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A servlet made of a lambda, so each test shows its servlet in one place. */
final class TestServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** What the servlet does for every request. */
  @FunctionalInterface
  interface Body {
    void handle(HttpServletRequest request, HttpServletResponse response) throws Exception;
  }

  private final transient Body body;

  private TestServlet(Body body) {
    this.body = body;
  }

  static TestServlet of(Body body) {
    return new TestServlet(body);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws jakarta.servlet.ServletException, java.io.IOException {
    try {
      body.handle(request, response);
    } catch (RuntimeException | jakarta.servlet.ServletException | java.io.IOException e) {
      throw e;
    } catch (Exception e) {
      throw new jakarta.servlet.ServletException(e);
    }
  }
}
