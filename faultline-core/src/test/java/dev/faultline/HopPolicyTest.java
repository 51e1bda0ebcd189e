package dev.faultline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.context.CallContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HopPolicyTest {
  private final CallContext orders = CallContext.newTrace().withService("orders");

  private static RemoteFaultException fromInventory(Code code) {
    return new RemoteFaultException(
        Fault.builder(code)
            .service("inventory")
            .reason("STOCK_PROBLEM")
            .domain("inventory.example.com")
            .message("Inventory says no")
            .retryAfter(Duration.ofSeconds(2))
            .build());
  }

  @ParameterizedTest
  @EnumSource(
      value = Code.class,
      names = {
        "INVALID_ARGUMENT",
        "NOT_FOUND",
        "ALREADY_EXISTS",
        "FAILED_PRECONDITION",
        "OUT_OF_RANGE",
        "PERMISSION_DENIED",
        "UNAUTHENTICATED"
      })
  void turnsAPeersCallerSideCodeIntoInternalKeepingThePeerAsCause(Code peerCode) {
    RemoteFaultException remote = fromInventory(peerCode);

    Fault answer = HopPolicy.TRANSLATE.answer(new RuntimeException("wrapped", remote), orders);

    assertThat(answer.code()).isEqualTo(Code.INTERNAL);
    assertThat(answer.reason()).isNull();
    assertThat(answer.message()).isEqualTo(Code.INTERNAL.defaultMessage());
    assertThat(answer.service()).isEqualTo("orders");
    assertThat(answer.traceId()).isEqualTo(orders.traceId());
    assertThat(answer.cause()).isSameAs(remote.fault());
  }

  @ParameterizedTest
  @EnumSource(
      value = Code.class,
      names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED", "ABORTED"})
  void passesTransientCodesSoThatRetriesStillWork(Code peerCode) {
    RemoteFaultException remote = fromInventory(peerCode);

    Fault answer = HopPolicy.TRANSLATE.answer(remote, orders);

    assertThat(answer.code()).isEqualTo(peerCode);
    assertThat(answer.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(answer.service()).isEqualTo("orders");
    assertThat(answer.cause()).isSameAs(remote.fault());
  }

  @Test
  void passesThePeersIdentityThroughForAProxy() {
    RemoteFaultException remote = fromInventory(Code.NOT_FOUND);

    Fault answer = HopPolicy.PASS_THROUGH.answer(remote, orders);

    assertThat(answer.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(answer.reason()).isEqualTo("STOCK_PROBLEM");
    assertThat(answer.domain()).isEqualTo("inventory.example.com");
    assertThat(answer.message()).isEqualTo("Inventory says no");
    assertThat(answer.service()).isEqualTo("orders");
    assertThat(answer.cause()).isSameAs(remote.fault());
  }

  @Test
  void answersALocalFailureWithItsOwnCodeStampedWithTheContext() {
    Fault own = Fault.builder(Code.NOT_FOUND).reason("ORDER_NOT_FOUND").build();

    Fault answer = HopPolicy.TRANSLATE.answer(own.asException(), orders);

    assertThat(answer.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(answer.reason()).isEqualTo("ORDER_NOT_FOUND");
    assertThat(answer.service()).isEqualTo("orders");
    assertThat(answer.traceId()).isEqualTo(orders.traceId());
    assertThat(answer.cause()).isNull();
    assertThat(HopPolicy.TRANSLATE.answer(new IllegalStateException("x"), orders).code())
        .isEqualTo(Code.INTERNAL);
  }
}
