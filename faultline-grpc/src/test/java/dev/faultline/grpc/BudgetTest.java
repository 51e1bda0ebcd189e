package dev.faultline.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.grpc.internal.StatusDetails;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.MemorySink;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An oversized chain is cut to fit 8 KiB of trailers; the call completes with its code. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BudgetTest {
  @Test
  void anOversizedChainIsCutAndMarkedTruncatedAndTheCallStillCompletesNormally() throws Exception {
    Fault chain = null;
    for (int i = 0; i < 40; i++) {
      List<String> stack = new ArrayList<>();
      for (int f = 0; f < 30; f++) {
        stack.add("com.example.Deep" + i + ".method" + f + "(Deep.java:" + f + ")");
      }
      chain =
          Fault.builder(i == 39 ? Code.UNAVAILABLE : Code.INTERNAL) // the outer fault is the last
              .reason("HOP_" + i)
              .service("service-" + i)
              .message("é".repeat(700))
              .metadata("blob", "b".repeat(900))
              .exception("java.lang.IllegalStateException")
              .exceptionMessage("m".repeat(900))
              .stackTrace(stack)
              .cause(chain)
              .build();
    }
    Fault huge = chain;
    Server server =
        TestGrpc.start(
            Services.unary(
                (r, o) -> {
                  throw huge.asException();
                }),
            FaultlineServerInterceptor.builder()
                .exposure(Exposure.DEBUG)
                .journal(FaultJournal.create(MemorySink.withCapacity(10)))
                .build());
    // the client keeps grpc-java's default 8 KiB limit on received metadata
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    try {
      StatusRuntimeException e =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  ClientCalls.blockingUnaryCall(
                      TestGrpc.withFaultline(channel), TestGrpc.UNARY, CallOptions.DEFAULT, "x"));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      byte[] details = e.getTrailers().get(StatusDetails.KEY);
      assertThat(details.length).isLessThanOrEqualTo(8192);
      Fault fault = TestGrpc.remote(e).fault();
      assertThat(fault.truncated()).isTrue();
      assertThat(fault.reason()).isEqualTo("HOP_39");
      assertThat(fault.depth()).isBetween(1, 39);
      assertThat(fault.stackTrace()).isEmpty();
    } finally {
      TestGrpc.shutdown(channel, server);
    }
  }
}
