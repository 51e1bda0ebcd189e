package dev.faultline.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.context.CallContext;
import dev.faultline.context.Deadline;
import dev.faultline.context.Scope;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.MemorySink;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The caller's trace and deadline are current in every callback and in tasks handed on. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class ContextTest {
  private final List<CallContext> seen = new CopyOnWriteArrayList<>();

  @Test
  void theCallersTraceAndTheShorterDeadlineAreCurrentInEveryCallbackAndWrappedTask()
      throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    ServerServiceDefinition service =
        ServerServiceDefinition.builder(TestGrpc.SERVICE)
            .addMethod(
                TestGrpc.BIDI,
                ServerCalls.asyncBidiStreamingCall(
                    (StreamObserver<String> out) ->
                        new StreamObserver<String>() {
                          @Override
                          public void onNext(String value) {
                            seen.add(CallContext.current());
                            out.onNext(value);
                          }

                          @Override
                          public void onError(Throwable t) {}

                          @Override
                          public void onCompleted() {
                            seen.add(CallContext.current());
                            pool.submit(
                                CallContext.current()
                                    .wrap(
                                        () -> {
                                          seen.add(CallContext.current());
                                          out.onCompleted();
                                        }));
                          }
                        }))
            .build();
    Server server =
        TestGrpc.start(
            service,
            FaultlineServerInterceptor.builder()
                .service("echo")
                .journal(FaultJournal.create(MemorySink.withCapacity(10)))
                .build());
    ManagedChannel channel = TestGrpc.channel(server);
    CallContext caller = CallContext.newTrace().withTimeout(Duration.ofSeconds(20));
    try (Scope s = caller.makeCurrent()) {
      var responses =
          ClientCalls.blockingServerStreamingCall(
              TestGrpc.withFaultline(channel)
                  .newCall(
                      TestGrpc.BIDI, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS)),
              "hello");
      responses.forEachRemaining(r -> {});
    } finally {
      TestGrpc.shutdown(channel, server);
      pool.shutdownNow();
    }

    assertThat(seen).hasSize(3);
    for (CallContext context : seen) {
      assertThat(context.traceId()).isEqualTo(caller.traceId());
      assertThat(context.spanId()).isNotEqualTo(caller.spanId());
      assertThat(context.service()).isEqualTo("echo");
      Deadline deadline = context.deadline();
      assertThat(deadline).isNotNull();
      assertThat(deadline.remaining()).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }
  }
}
