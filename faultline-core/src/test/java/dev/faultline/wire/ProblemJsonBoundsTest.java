package dev.faultline.wire;

import static dev.faultline.wire.ProblemJsonDecodeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProblemJsonBoundsTest {
  @Test
  void readsOnlyTheFirstMaxBytesOfATenMebibyteBody() {
    String head = "{\"code\":\"NOT_FOUND\",\"reason\":\"SKU_NOT_FOUND\",\"detail\":\"";
    byte[] body = (head + "x".repeat(10 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);

    Fault f = ProblemJson.decode(body);

    assertThat(f.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(f.reason()).isEqualTo("SKU_NOT_FOUND");
    assertThat(f.message().length()).isLessThanOrEqualTo(DecodeLimits.DEFAULT.maxStringLength());
    assertThat(f.truncated()).isTrue();
  }

  @Test
  void marksABodyLongerThanMaxBytesTruncatedEvenWhenItsObjectEndsBefore() {
    byte[] body = json("{\"code\":\"NOT_FOUND\"}" + " ".repeat(100));
    DecodeLimits limits = DecodeLimits.DEFAULT.withMaxBytes(40);

    assertThat(ProblemJson.decode(body, limits).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(ProblemJson.decode(body, limits).truncated()).isTrue();
    assertThat(ProblemJson.decode(body).truncated()).isFalse();
  }

  @Test
  void survivesTenThousandNestedArraysInAnIgnoredMember() {
    String body = "{\"code\":\"NOT_FOUND\",\"junk\":" + nested(10_000) + ",\"detail\":\"after\"}";

    Fault f = ProblemJson.decode(json(body));

    assertThat(f.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(f.truncated()).isTrue();
  }

  @Test
  void skipsNestingBeyondTheLimitAndReadsTheMembersAfterIt() {
    String body = "{\"code\":\"NOT_FOUND\",\"junk\":" + nested(200) + ",\"detail\":\"after\"}";

    Fault f = ProblemJson.decode(json(body));

    assertThat(f.message()).isEqualTo("after");
    assertThat(f.truncated()).isTrue();
    assertThat(ProblemJson.decode(json(body.replace(nested(200), nested(10)))).truncated())
        .isFalse();
  }

  @Test
  void survivesTenThousandNestedArraysInsideCauses() {
    Fault asElement =
        ProblemJson.decode(json("{\"code\":\"ABORTED\",\"causes\":" + nested(10_000) + "}"));
    Fault insideCause =
        ProblemJson.decode(
            json(
                "{\"code\":\"ABORTED\",\"causes\":[{\"code\":\"UNAVAILABLE\",\"x\":"
                    + nested(10_000)
                    + "}]}"));

    assertThat(asElement.code()).isEqualTo(Code.ABORTED);
    assertThat(asElement.truncated()).isTrue();
    assertThat(insideCause.cause().code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(insideCause.truncated()).isTrue();
  }

  @Test
  void keepsAtMostMaxMetadataOfOneHundredThousandEntries() {
    StringBuilder body = new StringBuilder("{\"metadata\":{");
    for (int i = 0; i < 100_000; i++) {
      body.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    body.append("},\"code\":\"DATA_LOSS\"}");
    DecodeLimits roomy = DecodeLimits.DEFAULT.withMaxBytes(16 << 20);

    Fault f = ProblemJson.decode(json(body.toString()), roomy);

    assertThat(f.metadata()).hasSize(DecodeLimits.DEFAULT.maxMetadata()).containsKey("k0");
    assertThat(f.code()).isEqualTo(Code.DATA_LOSS);
    assertThat(f.truncated()).isTrue();
    assertThat(ProblemJson.decode(json(body.toString())).truncated()).isTrue();
  }

  @Test
  void keepsAtMostMaxDepthFaultsOfAChainOfAThousandCauses() {
    Fault deep = SampleFaults.deepChain(1_000, "failed at hop ");
    byte[] body = ProblemJson.encode(deep, Exposure.INTERNAL);
    DecodeLimits roomy = DecodeLimits.DEFAULT.withMaxBytes(body.length);

    Fault f = ProblemJson.decode(body, roomy);

    assertThat(f.depth()).isEqualTo(DecodeLimits.DEFAULT.maxDepth());
    assertThat(f.cause().reason()).isEqualTo("CAUSE_1");
    assertThat(f.cause().cause().reason()).isEqualTo("CAUSE_2");
    assertThat(f.truncated()).isTrue();
    assertThat(ProblemJson.decode(body, roomy.withMaxDepth(1_001)).truncated()).isFalse();
  }

  @Test
  void keepsAtMostMaxFramesOfAStackTrace() {
    StringBuilder frames = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      frames.append(i == 0 ? "" : ",").append("\"f").append(i).append("\"");
    }

    Fault f = ProblemJson.decode(json("{\"stackTrace\":[" + frames + "]}"));

    assertThat(f.stackTrace())
        .hasSize(dev.faultline.internal.StackFrames.MAX_FRAMES)
        .startsWith("f0");
    assertThat(f.truncated()).isTrue();
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }
}
