package dev.faultline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class FaultBudgetTest {
  /** A size that counts every part a cut may remove, so each step's effect is visible. */
  private static final int BASE = 150;

  private static final ToIntFunction<Fault> SIZE =
      top -> {
        int size = 0;
        for (Fault f = top; f != null; f = f.cause()) {
          size += BASE + f.message().length() + String.join("", f.stackTrace()).length();
          size += f.metadata().toString().length();
        }
        return size;
      };

  @Test
  void cutsStacksThenMessagesThenCausesThenMetadata() {
    Fault top = chain(10, "m".repeat(1_000), List.of("f".repeat(5_000)), "v".repeat(200));
    List<Fault> seen = new ArrayList<>();

    Fault fitted = FaultBudget.fit(top, f -> record(seen, f), 256);

    assertThat(seen.get(1).stackTrace()).isEmpty();
    assertThat(seen.get(1).message()).hasSize(1_000);
    assertThat(seen.get(2).message()).hasSize(256);
    assertThat(seen.get(3).message()).hasSize(64);
    assertThat(seen.subList(0, 4)).allMatch(f -> f.depth() == 11);
    Fault lastWithMetadata = seen.get(seen.size() - 2);
    assertThat(lastWithMetadata.depth()).isEqualTo(1);
    assertThat(lastWithMetadata.metadata().get("k")).hasSize(64).endsWith("…");
    assertThat(fitted).isSameAs(seen.get(seen.size() - 1));
    assertThat(fitted.metadata()).isEmpty();
    assertThat(fitted.reason()).isEqualTo("TOP");
    assertThat(fitted.truncated()).isTrue();
  }

  @Test
  void keepsTheMostCausesThatFitNearestFirst() {
    Fault top = chain(100, "m", List.of(), "v");

    Fault fitted = FaultBudget.fit(top, SIZE, 1_000);

    assertThat(SIZE.applyAsInt(fitted)).isLessThanOrEqualTo(1_000);
    assertThat(fitted.depth()).isEqualTo(1_000 / (BASE + 1 + "{k=v}".length()));
    assertThat(fitted.cause().reason()).isEqualTo("CAUSE_1");
    assertThat(fitted.truncated()).isTrue();
  }

  @Test
  void returnsTheSameFaultWhenItFits() {
    Fault top = chain(3, "m", List.of("frame"), "v");

    assertThat(FaultBudget.fit(top, SIZE, 10_000)).isSameAs(top);
  }

  @Test
  void rejectsABudgetBelowTheMinimum() {
    assertThatThrownBy(() -> FaultBudget.fit(chain(1, "m", List.of(), "v"), SIZE, 255))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget");
  }

  private static int record(List<Fault> seen, Fault f) {
    seen.add(f);
    return SIZE.applyAsInt(f);
  }

  private static Fault chain(int causes, String message, List<String> frames, String value) {
    Fault next = null;
    for (int i = causes; i >= 0; i--) {
      next =
          Fault.builder(Code.UNAVAILABLE)
              .reason(i == 0 ? "TOP" : "CAUSE_" + i)
              .message(message)
              .metadata("k", value)
              .stackTrace(frames)
              .cause(next)
              .build();
    }
    return next;
  }
}
