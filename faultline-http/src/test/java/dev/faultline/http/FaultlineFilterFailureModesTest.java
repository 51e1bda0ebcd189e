package dev.faultline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.context.Propagation;
import dev.faultline.internal.ServerFaults;
import dev.faultline.journal.FaultRecord;
import dev.faultline.wire.ProblemJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Started responses, deadlines, callers that go away, and Faultline's own trouble. */
@Timeout(30)
class FaultlineFilterFailureModesTest {
  /** A journal per test: a late record of one test cannot reach the next. */
  final Recorder recorder = new Recorder();

  FaultlineFilter.Builder filter() {
    return FaultlineFilter.builder().service("orders").journal(recorder.journal);
  }

  @Test
  void onlyRecordsAFailureAfterTheResponseStarted() throws Exception {
    HttpHandler halfDone =
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write("partial".getBytes(StandardCharsets.UTF_8));
          exchange.getResponseBody().flush();
          throw new IllegalStateException("failed half way");
        };
    try (JdkServer server = JdkServer.start(halfDone, filter().build())) {
      // The caller sees the 200 it was sent, then the connection ends: never a problem.
      assertThatThrownBy(() -> Http.get(server.uri("/report"))).isInstanceOf(IOException.class);

      FaultRecord record = recorder.single();
      assertThat(record.fault().code()).isEqualTo(Code.INTERNAL);
      assertThat(record.task()).isEqualTo("GET /report");
    }
  }

  @Test
  void answers504WhenTheCallersDeadlinePassedBeforeTheHandlerFailed() throws Exception {
    HttpHandler slow =
        exchange -> {
          sleep(150);
          throw new IllegalStateException("too slow");
        };
    try (JdkServer server = JdkServer.start(slow, filter().exposure(Exposure.INTERNAL).build())) {
      HttpResponse<byte[]> late = Http.get(server.uri("/"), Propagation.BUDGET, "50");
      HttpResponse<byte[]> inTime = Http.get(server.uri("/"), Propagation.BUDGET, "5000");

      assertThat(late.statusCode()).isEqualTo(504);
      Fault answered = ProblemJson.decode(late.body());
      assertThat(answered.code()).isEqualTo(Code.DEADLINE_EXCEEDED);
      assertThat(answered.reason()).isEqualTo(ServerFaults.DEADLINE_REASON);
      assertThat(answered.cause()).isNotNull();
      assertThat(answered.cause().code()).isEqualTo(Code.INTERNAL);
      assertThat(inTime.statusCode()).isEqualTo(500);
    }
  }

  @Test
  void recordsACancelledHandlerAsCancelledAndWritesNoProblem() throws Exception {
    HttpHandler cancelled =
        exchange -> {
          throw Fault.of(Code.CANCELLED, "The caller gave up").asException();
        };
    try (JdkServer server = JdkServer.start(cancelled, filter().build())) {
      HttpResponse<byte[]> response = Http.get(server.uri("/"));

      assertThat(response.statusCode()).isEqualTo(499);
      assertThat(response.body()).isEmpty();
      assertThat(recorder.single().fault().code()).isEqualTo(Code.CANCELLED);
    }
  }

  @Test
  void recordsACallerThatHangsUpMidResponseAsCancelledNotInternal() throws Exception {
    HttpHandler streaming =
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          byte[] chunk = new byte[16 * 1024];
          for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
              System.nanoTime() < end; ) {
            out.write(chunk);
            out.flush();
            sleep(5);
          }
        };
    try (JdkServer server = JdkServer.start(streaming, filter().build())) {
      try (RawCaller caller = RawCaller.get(server.port(), "/stream")) {
        caller.awaitFirstByte();
      }

      FaultRecord record = recorder.single();
      assertThat(record.fault().code()).isEqualTo(Code.CANCELLED);
      assertThat(record.fault().reason()).isEqualTo(ServerFaults.CALLER_GONE_REASON);
      assertThat(record.task()).isEqualTo("GET /stream");
    }
  }

  @Test
  void recordsACallerGoneBeforeTheAnswerAsCancelledWithTheFailureAsCause() throws Exception {
    CountDownLatch hungUp = new CountDownLatch(1);
    HttpHandler failing =
        exchange -> {
          await(hungUp);
          sleep(100);
          throw new IllegalStateException("failed after the caller left");
        };
    try (JdkServer server = JdkServer.start(failing, filter().build())) {
      RawCaller.get(server.port(), "/gone").close();
      hungUp.countDown();

      Fault recorded = recorder.single().fault();
      assertThat(recorded.code()).isEqualTo(Code.CANCELLED);
      assertThat(recorded.cause()).isNotNull();
      assertThat(recorded.cause().code()).isEqualTo(Code.INTERNAL);
    }
  }

  @Test
  void answersAMinimalProblemWhenEncodingFails() throws Exception {
    FaultlineFilter broken =
        filter()
            .encoder(
                (fault, exposure) -> {
                  throw new IllegalStateException("encoder bug");
                })
            .build();
    HttpHandler notFound =
        exchange -> {
          throw Fault.of(Code.NOT_FOUND, "No such order").asException();
        };
    try (JdkServer server = JdkServer.start(notFound, broken)) {
      HttpResponse<byte[]> response = Http.get(server.uri("/"));

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.headers().firstValue("Content-Type")).hasValue(ProblemJson.MEDIA_TYPE);
      Fault answered = ProblemJson.decode(response.body());
      assertThat(answered.code()).isEqualTo(Code.INTERNAL);
      assertThat(answered.traceId()).isEqualTo(Http.traceResponse(response).traceId());
      assertThat(recorder.single().fault().code()).isEqualTo(Code.NOT_FOUND);
    }
  }

  @Test
  void sendsRetryAfterInWholeSecondsRoundedUp() throws Exception {
    Fault busy = Fault.builder(Code.UNAVAILABLE).retryAfter(Duration.ofMillis(1200)).build();
    HttpHandler handler =
        exchange -> {
          throw busy.asException();
        };
    try (JdkServer server = JdkServer.start(handler, filter().build())) {
      HttpResponse<byte[]> response = Http.get(server.uri("/"));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
