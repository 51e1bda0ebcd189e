package dev.faultline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.context.Propagation;
import dev.faultline.context.TraceParent;
import dev.faultline.journal.FaultRecord;
import dev.faultline.wire.ProblemJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The caller's trace and deadline inside the handler, and the server's trace back to the caller.
 */
@Timeout(30)
class FaultlineFilterContextTest {
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CALLER_SPAN = "00f067aa0ba902b7";
  static final String TRACEPARENT = "00-" + TRACE + "-" + CALLER_SPAN + "-01";

  /** A journal per test: a late record of one test cannot reach the next. */
  final Recorder recorder = new Recorder();

  static final HttpHandler NOT_FOUND =
      exchange -> {
        throw Fault.of(Code.NOT_FOUND, "No such order").asException();
      };

  FaultlineFilter filter() {
    return FaultlineFilter.builder().service("orders").journal(recorder.journal).build();
  }

  @Test
  void keepsTheCallersTraceWithANewSpanInTraceresponseProblemAndJournal() throws Exception {
    try (JdkServer server = JdkServer.start(NOT_FOUND, filter())) {
      HttpResponse<byte[]> response = Http.get(server.uri("/orders/1"), "traceparent", TRACEPARENT);

      TraceParent hop = Http.traceResponse(response);
      assertThat(hop.traceId()).isEqualTo(TRACE);
      assertThat(hop.spanId()).isNotEqualTo(CALLER_SPAN);
      assertThat(hop.flags()).isEqualTo(1);
      assertThat(ProblemJson.decode(response.body()).traceId()).isEqualTo(TRACE);
      FaultRecord record = recorder.single();
      assertThat(record.traceId()).isEqualTo(TRACE);
      assertThat(record.spanId()).isEqualTo(hop.spanId());
      assertThat(record.service()).isEqualTo("orders");
    }
  }

  @Test
  void startsANewTraceWhenTheCallerSentNone() throws Exception {
    try (JdkServer server = JdkServer.start(NOT_FOUND, filter())) {
      HttpResponse<byte[]> first = Http.get(server.uri("/orders/1"));
      HttpResponse<byte[]> second = Http.get(server.uri("/orders/1"));

      String trace = Http.traceResponse(first).traceId();
      assertThat(trace).isNotEqualTo(TRACE).isNotEqualTo(Http.traceResponse(second).traceId());
      assertThat(ProblemJson.decode(first.body()).traceId()).isEqualTo(trace);
    }
  }

  @Test
  void makesTheContextCurrentInTheHandlerAndInTasksItWraps() throws Exception {
    AtomicReference<CallContext> inHandler = new AtomicReference<>();
    AtomicReference<CallContext> inTask = new AtomicReference<>();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    HttpHandler handler =
        exchange -> {
          inHandler.set(CallContext.current());
          CompletableFuture.runAsync(
                  CallContext.current().wrap(() -> inTask.set(CallContext.current())), pool)
              .join();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        };
    try (JdkServer server = JdkServer.start(handler, filter())) {
      HttpResponse<byte[]> response =
          Http.get(server.uri("/orders"), "traceparent", TRACEPARENT, Propagation.BUDGET, "60000");

      assertThat(response.statusCode()).isEqualTo(204);
      CallContext context = inHandler.get();
      assertThat(context.traceId()).isEqualTo(TRACE);
      assertThat(context.spanId()).isEqualTo(Http.traceResponse(response).spanId());
      assertThat(context.service()).isEqualTo("orders");
      assertThat(context.deadline()).isNotNull();
      assertThat(inTask.get()).isSameAs(context);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void restoresTheServerThreadsContextAfterTheHandler() throws Exception {
    AtomicReference<CallContext> after = new AtomicReference<>();
    CountDownLatch seen = new CountDownLatch(1);
    Filter outer =
        new Filter() {
          @Override
          public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            chain.doFilter(exchange);
            after.set(CallContext.current());
            seen.countDown();
          }

          @Override
          public String description() {
            return "sees the context after Faultline's filter";
          }
        };
    try (JdkServer server = JdkServer.start(NOT_FOUND, outer, filter())) {
      assertThat(Http.get(server.uri("/"), "traceparent", TRACEPARENT).statusCode()).isEqualTo(404);
      // The answer reaches the caller before the outer filter's code after the chain runs.
      assertThat(seen.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(after.get().isRoot()).isTrue();
    }
  }
}
