package dev.faultline.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.Faults;
import dev.faultline.RemoteFaultException;
import dev.faultline.grpc.internal.FaultChainCodec;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gRPC statuses classify by their code; a remote fault attached to one is found through it. */
class ClassificationTest {
  @Test
  void aStatusExceptionClassifiesByItsCode() {
    assertThat(Faults.classify(new StatusRuntimeException(Status.NOT_FOUND)).code())
        .isEqualTo(Code.NOT_FOUND);
    assertThat(Faults.classify(new StatusException(Status.UNAVAILABLE)).code())
        .isEqualTo(Code.UNAVAILABLE);
    assertThat(Faults.classify(new RuntimeException(Status.PERMISSION_DENIED.asException())).code())
        .isEqualTo(Code.PERMISSION_DENIED);
  }

  @Test
  void theRemoteFaultAttachedToAStatusIsWhatClassifyAndHasCodeFind() {
    Fault remote =
        Fault.builder(Code.INTERNAL)
            .cause(Fault.builder(Code.NOT_FOUND).reason("SKU_NOT_FOUND").build())
            .build();
    StatusRuntimeException e =
        Status.INTERNAL.withCause(new RemoteFaultException(remote)).asRuntimeException();

    assertThat(Faults.classify(e)).isSameAs(remote);
    assertThat(Faults.hasCode(e, Code.NOT_FOUND)).isTrue();
    assertThat(Faults.hasReason(e, "SKU_NOT_FOUND")).isTrue();
  }

  @Test
  void theFaultChainRoundTripsThroughItsHandWrittenCodec() {
    Fault chain =
        Fault.builder(Code.INTERNAL)
            .reason("ORDER_FAILED")
            .domain("orders.example.com")
            .message("Could not place the order")
            .service("orders")
            .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
            .spanId("00f067aa0ba902b7")
            .retryAfter(Duration.ofMillis(1500))
            .metadata("order", "7")
            .exception("java.lang.IllegalStateException")
            .exceptionMessage("raw")
            .stackTrace(List.of("a.B.c(B.java:1)"))
            .truncated(true)
            .cause(
                Fault.builder(Code.NOT_FOUND).reason("SKU_NOT_FOUND").service("inventory").build())
            .build();

    Fault back = FaultChainCodec.decode(FaultChainCodec.encode(chain));

    assertThat(back.code()).isEqualTo(Code.INTERNAL);
    assertThat(back.reason()).isEqualTo("ORDER_FAILED");
    assertThat(back.domain()).isEqualTo("orders.example.com");
    assertThat(back.message()).isEqualTo("Could not place the order");
    assertThat(back.instanceId()).isEqualTo(chain.instanceId());
    assertThat(back.traceId()).isEqualTo(chain.traceId());
    assertThat(back.spanId()).isEqualTo(chain.spanId());
    assertThat(back.retryAfter()).isEqualTo(Duration.ofMillis(1500));
    assertThat(back.metadata()).containsExactlyEntriesOf(chain.metadata());
    assertThat(back.exception()).isEqualTo("java.lang.IllegalStateException");
    assertThat(back.exceptionMessage()).isEqualTo("raw");
    assertThat(back.stackTrace()).containsExactly("a.B.c(B.java:1)");
    assertThat(back.truncated()).isTrue();
    assertThat(back.cause().service()).isEqualTo("inventory");
    assertThat(back.cause().reason()).isEqualTo("SKU_NOT_FOUND");
    assertThat(back.cause().instanceId()).isEqualTo(chain.cause().instanceId());
  }
}
