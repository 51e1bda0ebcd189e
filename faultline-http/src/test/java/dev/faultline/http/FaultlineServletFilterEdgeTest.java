package dev.faultline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.wire.ProblemJson;
import jakarta.servlet.http.HttpServlet;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Servlet filter's less common paths, inside a real Jetty 12 server. */
@Timeout(30)
class FaultlineServletFilterEdgeTest {
  /** A journal per test: a late record of one test cannot reach the next. */
  final Recorder recorder = new Recorder();

  FilterHolder filter() {
    return new FilterHolder(
        FaultlineServletFilter.builder()
            .service("orders")
            .exposure(Exposure.PUBLIC)
            .journal(recorder.journal)
            .build());
  }

  @Test
  void replacesWhatTheServletWroteThroughItsWriterBeforeFailing() throws Exception {
    HttpServlet failing =
        TestServlet.of(
            (request, response) -> {
              response.setContentType("text/html");
              response.getWriter().write("<p>half a page</p>");
              throw Fault.of(Code.FAILED_PRECONDITION, "Cart is empty").asException();
            });
    try (JettyServer server = JettyServer.start(failing, filter())) {
      HttpResponse<byte[]> response = Http.get(server.uri("/checkout"));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith(ProblemJson.MEDIA_TYPE);
      assertThat(Http.text(response)).doesNotContain("half a page");
      assertThat(ProblemJson.decode(response.body()).message()).isEqualTo("Cart is empty");
    }
  }

  @Test
  void recordsACancelledServletAsCancelledAndWritesNoProblem() throws Exception {
    HttpServlet cancelled =
        TestServlet.of(
            (request, response) -> {
              throw Fault.of(Code.CANCELLED, "The caller gave up").asException();
            });
    try (JettyServer server = JettyServer.start(cancelled, filter())) {
      HttpResponse<byte[]> response = Http.get(server.uri("/"));

      assertThat(response.statusCode()).isEqualTo(499);
      assertThat(response.body()).isEmpty();
      assertThat(recorder.single().fault().code()).isEqualTo(Code.CANCELLED);
    }
  }

  @Test
  void sendsRetryAfterAndTraceresponseWithTheProblem() throws Exception {
    Fault busy = Fault.builder(Code.RESOURCE_EXHAUSTED).retryAfter(Duration.ofMillis(2500)).build();
    HttpServlet throttled =
        TestServlet.of(
            (request, response) -> {
              throw busy.asException();
            });
    try (JettyServer server = JettyServer.start(throttled, filter())) {
      HttpResponse<byte[]> response = Http.get(server.uri("/"));

      assertThat(response.statusCode()).isEqualTo(429);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
      assertThat(ProblemJson.decode(response.body()).traceId())
          .isEqualTo(Http.traceResponse(response).traceId());
    }
  }
}
