package dev.faultline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FaultHeaderTest {
  private static final String NON_ASCII = "Zahlung fehlgeschlagen: Grüße aus 東京 😀 \u007f\t\n";

  @Test
  void valueIsPrintableAsciiOnlyAndRoundTripsNonAsciiText() {
    Fault fault = SampleFaults.chain().withMessage(NON_ASCII).withMetadata("city", "Zürich");

    String value = FaultHeader.encode(fault, Exposure.INTERNAL);

    assertThat(value.chars()).allMatch(c -> c >= 0x20 && c <= 0x7E);
    assertThat(value).contains("\\u00FC", "\\uD83D\\uDE00", "\\u007F").doesNotContain("\n");
    Fault decoded = FaultHeader.decode(value);
    assertThat(decoded.message()).isEqualTo(NON_ASCII);
    assertThat(decoded.metadata()).containsEntry("city", "Zürich");
    assertThat(decoded.cause().reason()).isEqualTo("INVENTORY_TIMEOUT");
  }

  @Test
  void valueIsTheSameProblemAsTheBody() {
    Fault fault = SampleFaults.chain();

    String value = FaultHeader.encode(fault, Exposure.DEBUG);

    assertThat(JsonTree.object(value))
        .isEqualTo(JsonTree.object(ProblemJson.encode(fault, Exposure.DEBUG)));
  }

  @Test
  void valueFitsTheDefaultBudgetAndKeepsIdentity() {
    Fault huge =
        SampleFaults.chain().toBuilder()
            .stackTrace(ProblemJsonBudgetTest.bigFrames(50 * 1024))
            .message("é".repeat(10_000))
            .build();

    String value = FaultHeader.encode(huge, Exposure.DEBUG);

    assertThat(value.length()).isLessThanOrEqualTo(FaultHeader.DEFAULT_BUDGET);
    Fault decoded = FaultHeader.decode(value.getBytes(StandardCharsets.US_ASCII));
    assertThat(decoded.reason()).isEqualTo("ORDER_FAILED");
    assertThat(decoded.instanceId()).isEqualTo(huge.instanceId());
    assertThat(decoded.truncated()).isTrue();
  }

  @Test
  void decodesAMissingValueAsAnUnknownFault() {
    Fault decoded = FaultHeader.decode((String) null);

    assertThat(decoded.code()).isEqualTo(Code.UNKNOWN);
    assertThat(decoded.message()).isEqualTo(Code.UNKNOWN.defaultMessage());
  }

  @Test
  void decodesAnOversizedValueWithinTheLimitAndMarksItTruncated() {
    String value = "{\"code\":\"ABORTED\",\"detail\":\"" + "x".repeat(1 << 20) + "\"}";

    Fault decoded = FaultHeader.decode(value);

    assertThat(decoded.code()).isEqualTo(Code.ABORTED);
    assertThat(decoded.truncated()).isTrue();
  }
}
