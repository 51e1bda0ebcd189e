package dev.faultline.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.Faults;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import dev.faultline.http.NodePeer;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real @grpc/grpc-js service fails with a google.rpc.Status of its own; our client reads it. */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // the first run installs @grpc/grpc-js from npm
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class ForeignPeerTest {
  private static final MethodDescriptor<String, String> GET_SKU =
      MethodDescriptor.<String, String>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("inventory.Inventory/GetSku")
          .setRequestMarshaller(TestGrpc.STRING)
          .setResponseMarshaller(TestGrpc.STRING)
          .build();

  private static NodePeer peer;
  private static ManagedChannel channel;

  @BeforeAll
  static void startPeer() throws Exception {
    peer = NodePeer.start("@grpc/grpc-js");
    channel = TestGrpc.channel(peer.port());
  }

  @AfterAll
  static void stopPeer() throws Exception {
    try {
      if (channel != null) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      if (peer != null) {
        peer.close();
      }
    }
  }

  @Test
  @Timeout(30)
  void blockingStubSeesThePeersErrorInfoAndRetryInfoAsARemoteFault() {
    CallContext caller = CallContext.newTrace();
    StatusRuntimeException e;
    try (Scope s = caller.makeCurrent()) {
      e =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  ClientCalls.blockingUnaryCall(
                      TestGrpc.withFaultline(channel), GET_SKU, CallOptions.DEFAULT, "42"));
    }

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(e.getStatus().getDescription()).isEqualTo("No such SKU: 42");
    assertThat(e.getTrailers().get(Metadata.Key.of("x-peer", Metadata.ASCII_STRING_MARSHALLER)))
        .isEqualTo("grpc-js");
    Fault fault = TestGrpc.remote(e).fault();
    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.reason()).isEqualTo("SKU_NOT_FOUND");
    assertThat(fault.domain()).isEqualTo("inventory.example.com");
    assertThat(fault.message()).isEqualTo("No such SKU: 42");
    assertThat(fault.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(fault.metadata()).containsEntry("sku", "42");
    assertThat(fault.metadata().get("seenTraceparent")).contains(caller.traceId());
    assertThat(fault.traceId()).isEqualTo(caller.traceId());
    assertThat(fault.service()).isEqualTo("127.0.0.1:" + peer.port());
    assertThat(Faults.hasReason(e, "inventory.example.com", "SKU_NOT_FOUND")).isTrue();
  }

  @Test
  @Timeout(30)
  void futureStubSeesTheSameFault() throws Exception {
    var future =
        ClientCalls.futureUnaryCall(
            TestGrpc.withFaultline(channel).newCall(GET_SKU, CallOptions.DEFAULT), "7");
    ExecutionException e = catchThrowableOfType(ExecutionException.class, future::get);

    assertThat(e.getCause()).isInstanceOf(StatusRuntimeException.class);
    assertThat(Faults.classify(e).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(Faults.classify(e).reason()).isEqualTo("SKU_NOT_FOUND");
  }
}
