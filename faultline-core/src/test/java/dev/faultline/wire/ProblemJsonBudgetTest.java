package dev.faultline.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.FaultBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProblemJsonBudgetTest {
  private static final int BUDGET = 8 * 1024;

  @Test
  void fitsAFiftyKibStackAndAThousandCausesInEightKibKeepingIdentity() {
    Fault top =
        SampleFaults.deepChain(1_000, "hop ").toBuilder()
            .reason("ORDER_FAILED")
            .exception("java.lang.IllegalStateException")
            .stackTrace(bigFrames(50 * 1024))
            .build();

    byte[] body = ProblemJson.encode(top, Exposure.DEBUG, BUDGET);

    assertThat(body.length).isLessThanOrEqualTo(BUDGET);
    Fault decoded = ProblemJson.decode(body);
    assertThat(decoded.code()).isEqualTo(Code.INTERNAL);
    assertThat(decoded.reason()).isEqualTo("ORDER_FAILED");
    assertThat(decoded.traceId()).isEqualTo(SampleFaults.TRACE);
    assertThat(decoded.instanceId()).isEqualTo(top.instanceId());
    assertThat(decoded.stackTrace()).isEmpty();
    assertThat(decoded.cause().reason()).isEqualTo("CAUSE_1");
    assertThat(decoded.cause().instanceId()).isEqualTo(top.cause().instanceId());
    assertThat(decoded.truncated()).isTrue();
  }

  @Test
  void dropsStacksBeforeAnythingElse() {
    Fault top = SampleFaults.chain().toBuilder().stackTrace(bigFrames(50 * 1024)).build();

    Fault decoded = ProblemJson.decode(ProblemJson.encode(top, Exposure.DEBUG, BUDGET));

    assertThat(decoded.depth()).isEqualTo(top.depth());
    assertThat(decoded.stackTrace()).isEmpty();
    assertThat(decoded.message()).isEqualTo(top.message());
    assertThat(decoded.exceptionMessage()).isEqualTo(top.exceptionMessage());
    assertThat(decoded.metadata()).isEqualTo(top.metadata());
    assertThat(decoded.truncated()).isTrue();
  }

  @Test
  void shortensMessagesBeforeDroppingCauses() {
    Fault top = SampleFaults.deepChain(20, "x".repeat(2_000));

    Fault decoded = ProblemJson.decode(ProblemJson.encode(top, Exposure.INTERNAL, BUDGET));

    assertThat(decoded.depth()).isEqualTo(21);
    assertThat(decoded.cause().message()).hasSize(256).endsWith("…").startsWith("xxx");
    assertThat(decoded.truncated()).isTrue();
  }

  @Test
  void dropsTheDeepestCausesFirstAndKeepsAsManyAsFit() {
    Fault top = SampleFaults.deepChain(500, "failed at hop ");

    byte[] body = ProblemJson.encode(top, Exposure.INTERNAL, 2048);

    Fault decoded = ProblemJson.decode(body);
    int kept = decoded.depth() - 1;
    assertThat(kept).isBetween(1, 499);
    assertThat(decoded.cause().reason()).isEqualTo("CAUSE_1");
    Fault last = ProblemJsonRoundTripTest.chain(decoded).get(kept);
    assertThat(last.reason()).isEqualTo("CAUSE_" + kept);
    Fault oneMore = keep(top, kept + 1);
    assertThat(ProblemJson.encode(oneMore, Exposure.INTERNAL).length).isGreaterThan(2048);
  }

  @Test
  void dropsMetadataLastAndNeverTheCodeReasonOrIds() {
    FaultBuilder b =
        Fault.builder(Code.NOT_FOUND).reason("SKU_NOT_FOUND").traceId(SampleFaults.TRACE);
    for (int i = 0; i < 200; i++) {
      b.metadata("key-" + i, "value " + i);
    }
    Fault top = b.build();

    Fault decoded = ProblemJson.decode(ProblemJson.encode(top, Exposure.INTERNAL, 512));

    assertThat(decoded.metadata()).isEmpty();
    assertThat(decoded.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(decoded.reason()).isEqualTo("SKU_NOT_FOUND");
    assertThat(decoded.traceId()).isEqualTo(SampleFaults.TRACE);
    assertThat(decoded.instanceId()).isEqualTo(top.instanceId());
  }

  @Test
  void leavesAFaultThatFitsUntouched() {
    Fault top = SampleFaults.chain();

    assertThat(ProblemJson.encode(top, Exposure.DEBUG, BUDGET))
        .isEqualTo(ProblemJson.encode(top, Exposure.DEBUG));
  }

  @Test
  void cutsOnlyWhatTheExposureShows() {
    Fault top = SampleFaults.deepChain(1_000, "hop ").withMessage("m".repeat(1_000));

    Fault decoded = ProblemJson.decode(ProblemJson.encode(top, Exposure.PUBLIC, 512));

    assertThat(decoded.message()).hasSizeLessThanOrEqualTo(256).endsWith("…");
    assertThat(decoded.truncated()).isTrue();
    Fault small = SampleFaults.deepChain(1_000, "hop ");
    assertThat(ProblemJson.decode(ProblemJson.encode(small, Exposure.PUBLIC, 512)).truncated())
        .isFalse();
  }

  @Test
  void rejectsABudgetBelowTheMinimumNamingTheParameter() {
    assertThatThrownBy(() -> ProblemJson.encode(SampleFaults.chain(), Exposure.PUBLIC, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBytes")
        .hasMessageContaining("256");
  }

  static List<String> bigFrames(int totalChars) {
    String frame = "com.acme.Deep" + "x".repeat(1_000) + ".call(Deep.java:1)";
    return java.util.Collections.nCopies(totalChars / frame.length() + 1, frame);
  }

  private static Fault keep(Fault top, int causes) {
    List<Fault> chain = ProblemJsonRoundTripTest.chain(top);
    Fault next = null;
    for (int i = causes; i >= 0; i--) {
      next = chain.get(i).toBuilder().cause(next).truncated(i == 0).build();
    }
    return next;
  }
}
