package dev.faultline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.RemoteFaultException;
import dev.faultline.context.CallContext;
import dev.faultline.context.Propagation;
import dev.faultline.internal.ServerFaults;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import dev.faultline.wire.ProblemJson;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The same boundary inside a real Jetty 12 server, through FaultlineServletFilter. */
@Timeout(30)
class FaultlineServletFilterTest {
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String TRACEPARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

  /** A journal per test: a late record of one test cannot reach the next. */
  final Recorder recorder = new Recorder();

  static final HttpServlet SECRET_FAILURE =
      TestServlet.of(
          (request, response) -> {
            throw new IllegalStateException("db password=hunter2");
          });

  FilterHolder filter(Exposure exposure) {
    return new FilterHolder(
        FaultlineServletFilter.builder()
            .service("orders")
            .exposure(exposure)
            .journal(recorder.journal)
            .build());
  }

  static HttpServlet throwing(Exception failure) {
    return TestServlet.of(
        (request, response) -> {
          throw failure;
        });
  }

  @Test
  void answersAFaultExceptionWithProblemJsonAndTheCallersTrace() throws Exception {
    Fault notFound = Fault.builder(Code.NOT_FOUND).reason("SKU_NOT_FOUND").build();
    try (JettyServer server =
        JettyServer.start(throwing(notFound.asException()), filter(Exposure.PUBLIC))) {
      HttpResponse<byte[]> response = Http.get(server.uri("/skus/42"), "traceparent", TRACEPARENT);

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith(ProblemJson.MEDIA_TYPE);
      Fault answered = ProblemJson.decode(response.body());
      assertThat(answered.reason()).isEqualTo("SKU_NOT_FOUND");
      assertThat(answered.traceId()).isEqualTo(TRACE);
      assertThat(Http.traceResponse(response).traceId()).isEqualTo(TRACE);
      FaultRecord record = recorder.single();
      assertThat(record.task()).isEqualTo("GET /skus/42");
      assertThat(record.traceId()).isEqualTo(TRACE);
    }
  }

  @Test
  void answersAnUnexpectedExceptionAtPublicWithoutAnyOfItsText() throws Exception {
    try (JettyServer server = JettyServer.start(SECRET_FAILURE, filter(Exposure.PUBLIC))) {
      HttpResponse<byte[]> response = Http.get(server.uri("/orders"));

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(Http.text(response))
          .contains("\"code\":\"INTERNAL\"", "\"traceId\":")
          .doesNotContain("hunter2", "password", "IllegalState", "java.", "stackTrace")
          .doesNotContain("causes", "service", "orders");
    }
  }

  @Test
  void seesThroughAServletExceptionToTheFaultItWraps() throws Exception {
    Fault conflict = Fault.builder(Code.ALREADY_EXISTS).reason("ORDER_EXISTS").build();
    ServletException wrapped = new ServletException("wrapped", conflict.asException());
    try (JettyServer server = JettyServer.start(throwing(wrapped), filter(Exposure.PUBLIC))) {
      HttpResponse<byte[]> response = Http.get(server.uri("/orders"));

      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(ProblemJson.decode(response.body()).reason()).isEqualTo("ORDER_EXISTS");
      assertThat(recorder.single().exception()).isEqualTo("dev.faultline.FaultException");
    }
  }

  @Test
  void makesTheCallersContextCurrentInTheServlet() throws Exception {
    HttpServlet echo =
        TestServlet.of(
            (request, response) -> {
              CallContext context = CallContext.current();
              response.getWriter().write(context.traceId() + " " + context.service());
            });
    try (JettyServer server = JettyServer.start(echo, filter(Exposure.PUBLIC))) {
      HttpResponse<byte[]> response = Http.get(server.uri("/"), "traceparent", TRACEPARENT);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(Http.text(response)).isEqualTo(TRACE + " orders");
      assertThat(Http.traceResponse(response).traceId()).isEqualTo(TRACE);
    }
  }

  @Test
  void onlyRecordsAFailureAfterTheResponseWasCommitted() throws Exception {
    HttpServlet halfDone =
        TestServlet.of(
            (request, response) -> {
              response.getWriter().write("partial");
              response.flushBuffer();
              throw new IllegalStateException("failed half way");
            });
    try (JettyServer server = JettyServer.start(halfDone, filter(Exposure.PUBLIC))) {
      String seen;
      try {
        HttpResponse<byte[]> response = Http.get(server.uri("/report"));
        seen = response.statusCode() + " " + Http.text(response);
      } catch (IOException e) {
        seen = "aborted";
      }

      assertThat(seen).doesNotContain("INTERNAL", "problem");
      assertThat(recorder.single().fault().code()).isEqualTo(Code.INTERNAL);
    }
  }

  @Test
  void answers504WhenTheCallersDeadlinePassedBeforeTheServletFailed() throws Exception {
    HttpServlet slow =
        TestServlet.of(
            (request, response) -> {
              Thread.sleep(150);
              throw new IllegalStateException("too slow");
            });
    try (JettyServer server = JettyServer.start(slow, filter(Exposure.PUBLIC))) {
      HttpResponse<byte[]> response = Http.get(server.uri("/"), Propagation.BUDGET, "50");

      assertThat(response.statusCode()).isEqualTo(504);
      assertThat(ProblemJson.decode(response.body()).reason())
          .isEqualTo(ServerFaults.DEADLINE_REASON);
    }
  }

  @Test
  void readsServiceAndExposureFromInitParamsAsInWebXml() throws Exception {
    FilterHolder holder = new FilterHolder(FaultlineServletFilter.class);
    holder.setInitParameter("service", "catalog");
    holder.setInitParameter("exposure", "INTERNAL");
    Fault peer = Fault.builder(Code.NOT_FOUND).reason("SKU_NOT_FOUND").service("inventory").build();
    MemorySink global = MemorySink.withCapacity(16);
    FaultJournal.global().addSink(global);
    try (JettyServer server = JettyServer.start(throwing(new RemoteFaultException(peer)), holder)) {
      Fault answered = ProblemJson.decode(Http.get(server.uri("/")).body());

      assertThat(answered.code()).isEqualTo(Code.INTERNAL);
      assertThat(answered.service()).isEqualTo("catalog");
      assertThat(answered.cause()).isNotNull();
      assertThat(answered.cause().service()).isEqualTo("inventory");
      assertThat(global.await(1, Duration.ofSeconds(5)))
          .anySatisfy(r -> assertThat(r.service()).isEqualTo("catalog"));
    } finally {
      FaultJournal.global().removeSink(global);
    }
  }

  @Test
  void withoutFaultlineJettyAnswersItsOwnErrorPageWithNoCodeOrTrace() throws Exception {
    try (JettyServer bare = JettyServer.start(SECRET_FAILURE, null)) {
      HttpResponse<byte[]> response = Http.get(bare.uri("/orders"));

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .doesNotContain("problem+json");
      assertThat(response.headers().firstValue("traceresponse")).isEmpty();
      // An HTML page with no code, reason or trace, which even leaks the exception's text.
      assertThat(Http.text(response))
          .doesNotContain("\"code\"", "traceId", "reason")
          .contains("java.lang.IllegalStateException: db password=hunter2");
    }
  }
}
