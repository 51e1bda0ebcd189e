package dev.faultline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.RemoteFaultException;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import dev.faultline.wire.ProblemJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a caller of a JDK HttpServer gets when a handler fails, with FaultlineFilter installed. */
@Timeout(30)
class FaultlineFilterTest {
  /** A journal per test: a late record of one test cannot reach the next. */
  final Recorder recorder = new Recorder();

  static final HttpHandler SECRET_FAILURE =
      exchange -> {
        throw new IllegalStateException("db password=hunter2");
      };

  FaultlineFilter.Builder filter() {
    return FaultlineFilter.builder().service("orders").journal(recorder.journal);
  }

  static HttpHandler throwing(Fault fault) {
    return exchange -> {
      throw fault.asException();
    };
  }

  @Test
  void answersAFaultExceptionWithItsStatusCodeReasonAndTrace() throws Exception {
    Fault notFound =
        Fault.builder(Code.NOT_FOUND).reason("SKU_NOT_FOUND").message("No such SKU").build();
    try (JdkServer server = JdkServer.start(throwing(notFound), filter().build())) {
      HttpResponse<byte[]> response = Http.get(server.uri("/skus/42?secret=1"));

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValue(ProblemJson.MEDIA_TYPE);
      Fault answered = ProblemJson.decode(response.body());
      assertThat(answered.code()).isEqualTo(Code.NOT_FOUND);
      assertThat(answered.reason()).isEqualTo("SKU_NOT_FOUND");
      assertThat(answered.message()).isEqualTo("No such SKU");
      assertThat(answered.traceId()).isEqualTo(Http.traceResponse(response).traceId());
      FaultRecord record = recorder.single();
      assertThat(record.kind()).isEqualTo(FaultKind.SERVER);
      assertThat(record.task()).isEqualTo("GET /skus/42");
      assertThat(record.fault().code()).isEqualTo(Code.NOT_FOUND);
      assertThat(record.traceId()).isEqualTo(answered.traceId());
      assertThat(record.exception()).isEqualTo("dev.faultline.FaultException");
    }
  }

  @Test
  void answersAnUnexpectedExceptionAtPublicWithNothingButTheGenericFault() throws Exception {
    FaultlineFilter publicFilter = filter().exposure(Exposure.PUBLIC).build();
    try (JdkServer server = JdkServer.start(SECRET_FAILURE, publicFilter)) {
      HttpResponse<byte[]> response = Http.get(server.uri("/orders"));

      assertThat(response.statusCode()).isEqualTo(500);
      String body = Http.text(response);
      assertThat(body)
          .contains("\"code\":\"INTERNAL\"", "\"traceId\":", Code.INTERNAL.defaultMessage())
          .doesNotContain("hunter2", "password", "IllegalState", "java.", "Exception")
          .doesNotContain("stackTrace", "exception", "causes", "service", "orders", "metadata");
      assertThat(recorder.single().fault().code()).isEqualTo(Code.INTERNAL);
    }
  }

  @Test
  void answersMoreAtInternalAndDebugAsTheExposureLevelsSay() throws Exception {
    try (JdkServer internal =
            JdkServer.start(SECRET_FAILURE, filter().exposure(Exposure.INTERNAL).build());
        JdkServer debug =
            JdkServer.start(SECRET_FAILURE, filter().exposure(Exposure.DEBUG).build())) {
      String internalBody = Http.text(Http.get(internal.uri("/orders")));
      String debugBody = Http.text(Http.get(debug.uri("/orders")));

      assertThat(internalBody)
          .contains("\"service\":\"orders\"")
          .doesNotContain("hunter2", "IllegalStateException", "stackTrace");
      assertThat(debugBody)
          .contains("\"service\":\"orders\"")
          .contains("\"exception\":\"java.lang.IllegalStateException\"")
          .contains("db password=hunter2")
          .contains("\"stackTrace\":[");
    }
  }

  @Test
  void answersAPeersNotFoundAsInternalAtThisHopKeepingItAsTheCause() throws Exception {
    Fault peer = Fault.builder(Code.NOT_FOUND).reason("SKU_NOT_FOUND").service("inventory").build();
    HttpHandler handler =
        exchange -> {
          throw new RemoteFaultException(peer);
        };
    try (JdkServer server =
        JdkServer.start(handler, filter().exposure(Exposure.INTERNAL).build())) {
      HttpResponse<byte[]> response = Http.get(server.uri("/orders"));

      assertThat(response.statusCode()).isEqualTo(500);
      Fault answered = ProblemJson.decode(response.body());
      assertThat(answered.code()).isEqualTo(Code.INTERNAL);
      assertThat(answered.service()).isEqualTo("orders");
      assertThat(answered.cause()).isNotNull();
      assertThat(answered.cause().code()).isEqualTo(Code.NOT_FOUND);
      assertThat(answered.cause().reason()).isEqualTo("SKU_NOT_FOUND");
      assertThat(answered.cause().service()).isEqualTo("inventory");
    }
  }

  @Test
  void choosesTheExposurePerRequestAndFallsBackToPublicWhenTheHookThrows() throws Exception {
    FaultlineFilter hooked =
        filter()
            .exposureFor(
                exchange -> {
                  String caller = exchange.getRequestHeaders().getFirst("x-caller");
                  if ("broken".equals(caller)) {
                    throw new IllegalStateException("hook bug");
                  }
                  return "billing".equals(caller) ? Exposure.INTERNAL : Exposure.PUBLIC;
                })
            .build();
    try (JdkServer server = JdkServer.start(SECRET_FAILURE, hooked)) {
      String trusted = Http.text(Http.get(server.uri("/"), "x-caller", "billing"));
      String stranger = Http.text(Http.get(server.uri("/"), "x-caller", "someone"));
      HttpResponse<byte[]> broken = Http.get(server.uri("/"), "x-caller", "broken");

      assertThat(trusted).contains("\"service\":\"orders\"");
      assertThat(stranger).contains("\"code\":\"INTERNAL\"").doesNotContain("orders");
      assertThat(broken.statusCode()).isEqualTo(500);
      assertThat(Http.text(broken)).contains("\"code\":\"INTERNAL\"").doesNotContain("orders");
    }
  }

  @Test
  void leavesAResponseOfAHandlerThatThrowsNothingUntouchedButForTraceresponse() throws Exception {
    HttpHandler created =
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/plain");
          exchange.getResponseHeaders().set("X-Order", "17");
          byte[] body = "created".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        };
    try (JdkServer server = JdkServer.start(created, filter().build())) {
      HttpResponse<byte[]> response = Http.get(server.uri("/orders"));

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(Http.text(response)).isEqualTo("created");
      assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
      assertThat(response.headers().firstValue("X-Order")).hasValue("17");
      assertThat(Http.traceResponse(response)).isNotNull();
      assertThat(recorder.settled()).isEmpty();
    }
  }

  @Test
  void withoutFaultlineTheSameFailureReachesTheCallerAsNothingAtAll() throws Exception {
    try (JdkServer bare = JdkServer.start(SECRET_FAILURE)) {
      // The JDK server closes the connection: no status, no code, no reason, no trace.
      assertThatThrownBy(() -> Http.get(bare.uri("/orders"))).isInstanceOf(IOException.class);
    }
  }
}
