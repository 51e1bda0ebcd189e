package dev.faultline.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetHeaderTest {

  @Test
  void readsWholeMillisecondsAsABudgetFromNow() {
    Deadline deadline = BudgetHeader.parse(List.of(" 1500 "));

    assertThat(deadline.remaining())
        .isLessThanOrEqualTo(Duration.ofMillis(1500))
        .isGreaterThan(Duration.ofMillis(500));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "-5", "+5", "1.5", "5s", "1e3", "0x10", "PT5S", "12 34", "١٢", "5,", ","})
  void ignoresGarbage(String value) {
    assertThat(BudgetHeader.parse(List.of(value))).isNull();
  }

  @Test
  void ignoresAMissingHeaderAndOverLongValues() {
    assertThat(BudgetHeader.parse(List.of())).isNull();
    assertThat(BudgetHeader.parse(List.of("1".repeat(33)))).isNull();
    assertThat(BudgetHeader.parse(List.of("1".repeat(1_000_000)))).isNull();
  }

  @Test
  void clampsAHugeBudgetToTheMaximum() {
    Deadline deadline = BudgetHeader.parse(List.of("99999999999999999999999"));

    assertThat(deadline.remaining())
        .isLessThanOrEqualTo(Duration.ofMillis(Propagation.MAX_BUDGET_MS))
        .isGreaterThan(Duration.ofMillis(Propagation.MAX_BUDGET_MS).minusMinutes(1));
  }

  @Test
  void takesTheSmallestOfRepeatedValues() {
    Deadline deadline = BudgetHeader.parse(List.of("60000", "2000, 90000"));

    assertThat(deadline.remaining()).isLessThanOrEqualTo(Duration.ofMillis(2000));
  }

  @Test
  void ignoresRepeatedValuesWhenOneIsGarbage() {
    assertThat(BudgetHeader.parse(List.of("60000", "soon"))).isNull();
  }
}
