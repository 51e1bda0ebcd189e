package dev.faultline.grpc;

import static dev.faultline.grpc.TestGrpc.UNARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import io.grpc.CallOptions;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A deadline that runs out mid-chain, and a caller that gives up, each told apart. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class DeadlineAndCancelTest {
  private final MemorySink slowRecords = MemorySink.withCapacity(10);
  private final MemorySink frontRecords = MemorySink.withCapacity(10);

  @Test
  void deadlineExpiryMidChainIsDeadlineExceededAtTheCallerNamingTheHopThatRanOut()
      throws Exception {
    Server slow =
        TestGrpc.start(
            Services.replying(r -> waitForCancellation()), interceptor("slow", slowRecords));
    ManagedChannel toSlow = TestGrpc.channel(slow);
    Server front =
        TestGrpc.start(
            Services.replying(
                r -> {
                  // the front service gives its own call to "slow" 300 ms
                  try (Scope s =
                      CallContext.current().withTimeout(Duration.ofMillis(300)).makeCurrent()) {
                    return ClientCalls.blockingUnaryCall(
                        TestGrpc.withFaultline(toSlow), UNARY, CallOptions.DEFAULT, r);
                  }
                }),
            interceptor("front", frontRecords));
    ManagedChannel toFront = TestGrpc.channel(front);
    try (Scope s = CallContext.newTrace().withTimeout(Duration.ofSeconds(10)).makeCurrent()) {
      StatusRuntimeException e =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  ClientCalls.blockingUnaryCall(
                      TestGrpc.withFaultline(toFront), UNARY, CallOptions.DEFAULT, "42"));

      assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.DEADLINE_EXCEEDED);
      Fault fault = TestGrpc.remote(e).fault();
      assertThat(fault.service()).isEqualTo("front");
      Fault ranOut = fault.cause();
      assertThat(ranOut.code()).isEqualTo(Code.DEADLINE_EXCEEDED);
      assertThat(ranOut.service()).isEqualTo("127.0.0.1:" + slow.getPort());
      assertThat(ranOut.metadata()).containsEntry("method", UNARY.getFullMethodName());
      FaultRecord slowRecord = slowRecords.await(1, Duration.ofSeconds(5)).get(0);
      assertThat(slowRecord.fault().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
      assertThat(slowRecord.fault().reason()).isEqualTo("DEADLINE_EXCEEDED_IN_SERVICE");
      assertThat(slowRecord.fault().service()).isEqualTo("slow");
      assertThat(slowRecord.traceId()).isEqualTo(CallContext.current().traceId());
    } finally {
      TestGrpc.shutdown(toFront, front);
      TestGrpc.shutdown(toSlow, slow);
    }
  }

  @Test
  void callerCancellationReachesTheServerAsCancelledAndIsRecordedAsSuchOnce() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    Server server =
        TestGrpc.start(
            Services.unary(
                (r, o) -> {
                  Context.current().addListener(c -> cancelled.countDown(), Runnable::run);
                  started.countDown();
                }),
            interceptor("patient", slowRecords));
    ManagedChannel channel = TestGrpc.channel(server);
    try {
      var future =
          ClientCalls.futureUnaryCall(
              TestGrpc.withFaultline(channel).newCall(UNARY, CallOptions.DEFAULT), "42");
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      future.cancel(true);

      assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
      List<FaultRecord> records = slowRecords.await(1, Duration.ofSeconds(5));
      Thread.sleep(200);
      assertThat(slowRecords.records()).hasSize(1);
      assertThat(records.get(0).fault().code()).isEqualTo(Code.CANCELLED);
      assertThat(records.get(0).fault().reason()).isEqualTo("CALLER_DISCONNECTED");
    } finally {
      TestGrpc.shutdown(channel, server);
    }
  }

  private static String waitForCancellation() {
    CountDownLatch done = new CountDownLatch(1);
    Context.current().addListener(c -> done.countDown(), Runnable::run);
    try {
      done.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "too late";
  }

  private static FaultlineServerInterceptor interceptor(String name, MemorySink sink) {
    return FaultlineServerInterceptor.builder()
        .service(name)
        .exposure(Exposure.INTERNAL)
        .journal(FaultJournal.create(sink))
        .build();
  }
}
