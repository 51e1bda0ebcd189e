package dev.faultline.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.rpc.ErrorInfo;
import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.grpc.internal.FaultChainCodec;
import dev.faultline.grpc.internal.StatusDetails;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A peer without Faultline sends broken or hostile details: decoding is bounded, never throws. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostilePeerTest {
  private final AtomicReference<byte[]> details = new AtomicReference<>();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    server =
        TestGrpc.start(
            Services.unary(
                (r, o) -> {
                  Metadata trailers = new Metadata();
                  trailers.put(StatusDetails.KEY, details.get());
                  o.onError(Status.NOT_FOUND.withDescription("gone").asRuntimeException(trailers));
                }));
    channel = TestGrpc.channel(server);
  }

  @AfterEach
  void stop() throws Exception {
    TestGrpc.shutdown(channel, server);
  }

  @Test
  void corruptDetailsFallBackOnTheStatusCodeAndDescription() {
    details.set(new byte[] {(byte) 0xff, (byte) 0xff, 0x01, 0x02, (byte) 0x8a});
    Fault fault = call();
    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.message()).isEqualTo("gone");
  }

  @Test
  void theStatusCodeWinsOverDetailsThatDisagree() {
    Fault chain = Fault.builder(Code.ALREADY_EXISTS).reason("THEIRS").build();
    details.set(
        com.google.rpc.Status.newBuilder()
            .setCode(Code.ALREADY_EXISTS.grpcNumber())
            .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("THEIRS").build()))
            .addDetails(
                Any.newBuilder()
                    .setTypeUrl(FaultChainCodec.TYPE_URL)
                    .setValue(FaultChainCodec.encode(chain)))
            .build()
            .toByteArray());
    Fault fault = call();
    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.reason()).isEqualTo("THEIRS");
  }

  @Test
  void aMebibyteOfDetailsIsNotParsedAndTheFaultIsMarkedTruncated() {
    byte[] huge = new byte[1024 * 1024];
    Arrays.fill(huge, (byte) 'a');
    details.set(huge);
    Fault fault = call();
    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.truncated()).isTrue();
  }

  @Test
  void unknownDetailTypesAndABrokenChainAreSkipped() {
    details.set(
        com.google.rpc.Status.newBuilder()
            .setCode(5)
            .addDetails(
                Any.newBuilder()
                    .setTypeUrl("type.googleapis.com/example.Unknown")
                    .setValue(ByteString.copyFromUtf8("??")))
            .addDetails(
                Any.newBuilder()
                    .setTypeUrl(FaultChainCodec.TYPE_URL)
                    .setValue(ByteString.copyFrom(new byte[] {10, 99, 1})))
            .addDetails(
                Any.newBuilder()
                    .setTypeUrl("type.googleapis.com/google.rpc.ErrorInfo")
                    .setValue(ByteString.copyFrom(new byte[] {10, 50})))
            .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("not a valid reason!").build()))
            .build()
            .toByteArray());
    Fault fault = call();
    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.reason()).isEqualTo("NOT_A_VALID_REASON");
  }

  private Fault call() {
    StatusRuntimeException e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                ClientCalls.blockingUnaryCall(
                    TestGrpc.withFaultline(channel), TestGrpc.UNARY, CallOptions.DEFAULT, "x"));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(e.getStatus().getDescription()).isEqualTo("gone");
    return TestGrpc.remote(e).fault();
  }
}
