package dev.faultline.context;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTest {
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN = "00f067aa0ba902b7";
  static final String VALID = "00-" + TRACE + "-" + SPAN + "-01";

  @Test
  void readsTheSpecExample() {
    TraceParent parent = TraceParent.parse(VALID);

    assertThat(parent).isNotNull();
    assertThat(parent.traceId()).isEqualTo(TRACE);
    assertThat(parent.spanId()).isEqualTo(SPAN);
    assertThat(parent.flags()).isEqualTo(1);
    assertThat(parent.sampled()).isTrue();
    assertThat(parent.toString()).isEqualTo(VALID);
  }

  @Test
  void readsAnUnsampledParentAndKeepsUnknownFlags() {
    TraceParent unsampled = TraceParent.parse("00-" + TRACE + "-" + SPAN + "-00");
    TraceParent other = TraceParent.parse("00-" + TRACE + "-" + SPAN + "-fe");

    assertThat(unsampled.sampled()).isFalse();
    assertThat(other.flags()).isEqualTo(0xfe);
    assertThat(other.sampled()).isFalse();
    assertThat(other.toString()).endsWith("-fe");
  }

  @Test
  void readsAHigherVersionByItsFirstFourFieldsAndWritesVersion00() {
    TraceParent future =
        TraceParent.parse("cc-" + TRACE + "-" + SPAN + "-01-what-the-future-will-be-like");
    TraceParent exact = TraceParent.parse("01-" + TRACE + "-" + SPAN + "-01");

    assertThat(future).isNotNull();
    assertThat(future.traceId()).isEqualTo(TRACE);
    assertThat(future.toString()).isEqualTo(VALID);
    assertThat(exact).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0A",
        "0A-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e47366-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.extra",
        "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01",
        " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 ",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
      })
  void rejectsValuesOutsideTheGrammar(String header) {
    assertThat(TraceParent.parse(header)).isNull();
  }

  @Test
  void rejectsNull() {
    assertThat(TraceParent.parse(null)).isNull();
  }

  @Test
  void rejectsOverLongValuesOfAHigherVersion() {
    String prefix = "cc-" + TRACE + "-" + SPAN + "-01-";
    String atLimit = prefix + "x".repeat(TraceParent.MAX_LENGTH - prefix.length());
    String overLimit = atLimit + "x";
    String huge = prefix + "x".repeat(10_000_000);

    assertThat(TraceParent.parse(atLimit)).isNotNull();
    assertThat(TraceParent.parse(overLimit)).isNull();
    assertThat(TraceParent.parse(huge)).isNull();
  }

  @Test
  void newRootIsSampledWithNonZeroIds() {
    TraceParent root = TraceParent.newRoot();

    assertThat(root.flags()).isEqualTo(1);
    assertThat(root.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    assertThat(root.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
    assertThat(TraceParent.newRoot().traceId()).isNotEqualTo(root.traceId());
  }

  @Test
  void newChildKeepsTraceIdAndFlagsWithANewSpanId() {
    TraceParent parent = TraceParent.parse("00-" + TRACE + "-" + SPAN + "-00");

    TraceParent child = parent.newChild();

    assertThat(child.traceId()).isEqualTo(TRACE);
    assertThat(child.flags()).isZero();
    assertThat(child.spanId()).isNotEqualTo(SPAN).matches("[0-9a-f]{16}");
  }

  @Property(tries = 500)
  void parseRoundTripsRootsAndTheirChildren(@ForAll @IntRange(min = 0, max = 4) int generations) {
    TraceParent parent = TraceParent.newRoot();
    for (int i = 0; i < generations; i++) {
      TraceParent child = parent.newChild();
      assertThat(child.traceId()).isEqualTo(parent.traceId());
      assertThat(child.flags()).isEqualTo(parent.flags());
      assertThat(child.spanId()).isNotEqualTo(parent.spanId());
      parent = child;
    }

    TraceParent parsed = TraceParent.parse(parent.toString());

    assertThat(parsed).isEqualTo(parent);
    assertThat(parsed.toString()).isEqualTo(parent.toString()).hasSize(55);
  }
}
