package dev.faultline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultTest {

  @Test
  void buildsEveryFieldWithBareNamedSetters() {
    Fault cause = Fault.of(Code.UNAVAILABLE, "Stock service down");
    Instant at = Instant.parse("2026-11-26T10:00:00Z");
    Fault fault =
        Fault.builder(Code.NOT_FOUND)
            .reason("SKU_NOT_FOUND")
            .domain("inventory.example.com")
            .message("No such SKU: 42")
            .service("inventory")
            .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
            .spanId("00f067aa0ba902b7")
            .instanceId("i-1")
            .timestamp(at)
            .retryAfter(Duration.ofSeconds(3))
            .metadata("sku", "42")
            .cause(cause)
            .truncated(true)
            .build();

    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.reason()).isEqualTo("SKU_NOT_FOUND");
    assertThat(fault.domain()).isEqualTo("inventory.example.com");
    assertThat(fault.message()).isEqualTo("No such SKU: 42");
    assertThat(fault.service()).isEqualTo("inventory");
    assertThat(fault.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(fault.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(fault.instanceId()).isEqualTo("i-1");
    assertThat(fault.timestamp()).isEqualTo(at);
    assertThat(fault.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(fault.metadata()).containsExactly(Map.entry("sku", "42"));
    assertThat(fault.cause()).isSameAs(cause);
    assertThat(fault.truncated()).isTrue();
    assertThat(fault.depth()).isEqualTo(2);
  }

  @Test
  void givesEachOccurrenceItsOwnInstanceIdAndTheCodesSafeMessageByDefault() {
    Fault a = Fault.builder(Code.INTERNAL).build();
    Fault b = Fault.builder(Code.INTERNAL).build();
    assertThat(a.instanceId()).isNotEqualTo(b.instanceId());
    assertThat(java.util.UUID.fromString(a.instanceId()).version()).isEqualTo(4);
    assertThat(a.message()).isEqualTo(Code.INTERNAL.defaultMessage());
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void copiesWithOneFieldChangedAndEverythingElseKept() {
    Fault original =
        Fault.builder(Code.NOT_FOUND).reason("SKU_NOT_FOUND").metadata("a", "1").build();
    Fault copy = original.withMessage("Gone").withMetadata("b", "2");

    assertThat(copy.message()).isEqualTo("Gone");
    assertThat(copy.metadata()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(copy.instanceId()).isEqualTo(original.instanceId());
    assertThat(copy.timestamp()).isEqualTo(original.timestamp());
    assertThat(original.message()).isEqualTo(Code.NOT_FOUND.defaultMessage());
    assertThat(original.metadata()).containsOnlyKeys("a");
    assertThat(original.toBuilder().build()).isEqualTo(original);
    assertThat(original.withCode(Code.INTERNAL).code()).isEqualTo(Code.INTERNAL);
  }

  @Test
  void rejectsAReasonThatIsNotUpperSnakeNamingTheRule() {
    for (String bad :
        List.of("sku_not_found", "SKU-NOT-FOUND", "_SKU", "SKU_", "1SKU", "", "A".repeat(64))) {
      assertThatThrownBy(() -> Fault.builder(Code.NOT_FOUND).reason(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("UPPER_SNAKE")
          .hasMessageContaining("63");
    }
    assertThat(Fault.builder(Code.NOT_FOUND).reason("A".repeat(63)).build().reason()).hasSize(63);
    assertThat(FaultBuilder.isValidReason("X")).isTrue();
    assertThat(FaultBuilder.isValidReason("HTTP_404")).isTrue();
  }

  @Test
  void rejectsBlankFieldsAndBadMetadataKeysAndNegativeRetryDelays() {
    assertThatThrownBy(() -> Fault.builder(Code.INTERNAL).service(" "))
        .hasMessageContaining("service");
    assertThatThrownBy(() -> Fault.builder(Code.INTERNAL).metadata("", "v"))
        .hasMessageContaining("metadata key");
    assertThatThrownBy(() -> Fault.builder(Code.INTERNAL).metadata("k".repeat(65), "v"))
        .hasMessageContaining("64");
    assertThatThrownBy(() -> Fault.builder(Code.INTERNAL).retryAfter(Duration.ofSeconds(-1)))
        .hasMessageContaining("retryAfter");
  }

  @Test
  void isImmutableEvenWhenTheBuilderChangesLater() {
    FaultBuilder builder = Fault.builder(Code.ABORTED).metadata("k", "v");
    Fault fault = builder.build();
    builder.metadata("other", "x");
    assertThat(fault.metadata()).containsOnlyKeys("k");
    assertThatThrownBy(() -> fault.metadata().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void printsOnlySafeFieldsInToString() {
    Fault fault =
        Fault.builder(Code.INTERNAL)
            .service("orders")
            .reason("DB_DOWN")
            .message("Try again later")
            .exceptionMessage("password=hunter2")
            .build();
    assertThat(fault.toString()).isEqualTo("[orders] INTERNAL DB_DOWN: Try again later");
    assertThat(fault.asException().getMessage()).doesNotContain("hunter2");
  }
}
