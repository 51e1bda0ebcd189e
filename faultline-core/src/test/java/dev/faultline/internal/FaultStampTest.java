package dev.faultline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FaultStampTest {

  @Test
  void stampsAClassifiedFailureWithTheTraceAndServiceOfItsContext() {
    CallContext context = CallContext.newTrace().withService("orders");

    Fault fault = FaultStamp.of(new TimeoutException(), context);

    assertThat(fault.code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(fault.traceId()).isEqualTo(context.traceId());
    assertThat(fault.spanId()).isEqualTo(context.spanId());
    assertThat(fault.service()).isEqualTo("orders");
  }

  @Test
  void keepsTheTraceAndServiceAFaultAlreadyNames() {
    Fault own =
        Fault.builder(Code.NOT_FOUND)
            .service("inventory")
            .traceId("0af7651916cd43dd8448eb211c80319c")
            .build();

    Fault stamped = FaultStamp.stamp(own, CallContext.newTrace().withService("orders"));

    assertThat(stamped).isSameAs(own);
    assertThat(FaultStamp.stamp(own, CallContext.root())).isSameAs(own);
  }
}
