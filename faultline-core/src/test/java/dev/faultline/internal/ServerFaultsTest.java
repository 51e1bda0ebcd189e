package dev.faultline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.HopPolicy;
import dev.faultline.context.CallContext;
import dev.faultline.context.Deadline;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerFaultsTest {
  private final CallContext orders = CallContext.newTrace().withService("orders");

  @Test
  void answersWhatTheHopPolicySaysWhileTheDeadlineHolds() {
    Fault answer =
        ServerFaults.answer(
            HopPolicy.TRANSLATE,
            Fault.of(Code.NOT_FOUND, "No such order").asException(),
            orders.withTimeout(Duration.ofMinutes(1)));

    assertThat(answer.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(answer.service()).isEqualTo("orders");
  }

  @Test
  void wrapsAFailureAfterTheDeadlinePassedInADeadlineExceededNamingThisService() {
    CallContext late = orders.withDeadline(Deadline.after(Duration.ZERO));

    Fault answer = ServerFaults.answer(HopPolicy.TRANSLATE, new IllegalStateException(), late);

    assertThat(answer.code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(answer.reason()).isEqualTo(ServerFaults.DEADLINE_REASON);
    assertThat(answer.service()).isEqualTo("orders");
    assertThat(answer.cause().code()).isEqualTo(Code.INTERNAL);
  }

  @Test
  void keepsACancellationAsItIsEvenAfterTheDeadline() {
    CallContext late = orders.withDeadline(Deadline.after(Duration.ZERO));
    Fault cancelled = Fault.of(Code.CANCELLED, "Stopped");

    assertThat(ServerFaults.answer(HopPolicy.TRANSLATE, cancelled.asException(), late).code())
        .isEqualTo(Code.CANCELLED);
    Fault gone = ServerFaults.callerGone(cancelled, orders);
    assertThat(gone.code()).isEqualTo(Code.CANCELLED);
    assertThat(gone.reason()).isEqualTo(ServerFaults.CALLER_GONE_REASON);
    assertThat(gone.cause()).isSameAs(cancelled);
    assertThat(gone.traceId()).isEqualTo(orders.traceId());
  }
}
