package dev.faultline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Exposure;
import dev.faultline.Fault;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ProblemJsonPropertiesTest {

  @Provide
  Arbitrary<Fault> chains() {
    return FaultArbitraries.chains();
  }

  @Property(tries = 300)
  void keepsEveryHopOfAChainAtDebugExposure(@ForAll("chains") Fault fault) {
    Fault decoded = ProblemJson.decode(ProblemJson.encode(fault, Exposure.DEBUG));

    Fault expected = fault;
    Fault actual = decoded;
    while (expected != null) {
      assertThat(actual).isNotNull();
      assertThat(actual.code()).isEqualTo(expected.code());
      assertThat(actual.reason()).isEqualTo(expected.reason());
      assertThat(actual.domain()).isEqualTo(expected.domain());
      assertThat(actual.message()).isEqualTo(expected.message());
      assertThat(actual.service()).isEqualTo(expected.service());
      assertThat(actual.metadata()).isEqualTo(expected.metadata());
      assertThat(actual.exceptionMessage()).isEqualTo(expected.exceptionMessage());
      assertThat(actual.stackTrace()).isEqualTo(expected.stackTrace());
      assertThat(actual.instanceId()).isEqualTo(expected.instanceId());
      expected = expected.cause();
      actual = actual.cause();
    }
    assertThat(actual).isNull();
    assertThat(decoded.traceId()).isEqualTo(fault.traceId());
    assertThat(decoded.retryAfter()).isEqualTo(fault.retryAfter());
    assertThat(decoded.truncated()).isFalse();
  }

  @Property(tries = 300)
  void sendsNothingButTheOuterFaultAtPublicExposure(@ForAll("chains") Fault fault) {
    Fault decoded = ProblemJson.decode(ProblemJson.encode(fault, Exposure.PUBLIC));

    assertThat(decoded.code()).isEqualTo(fault.code());
    assertThat(decoded.reason()).isEqualTo(fault.reason());
    assertThat(decoded.message()).isEqualTo(fault.message());
    assertThat(decoded.instanceId()).isEqualTo(fault.instanceId());
    assertThat(decoded.cause()).isNull();
    assertThat(decoded.service()).isNull();
    assertThat(decoded.metadata()).isEmpty();
    assertThat(decoded.exceptionMessage()).isNull();
    assertThat(decoded.stackTrace()).isEmpty();
  }

  @Property(tries = 200)
  void fitsAnyBudgetKeepingCodeReasonAndIds(
      @ForAll("chains") Fault fault, @ForAll @IntRange(min = 1024, max = 16_384) int budget) {
    byte[] encoded = ProblemJson.encode(fault, Exposure.DEBUG, budget);
    Fault decoded = ProblemJson.decode(encoded);

    assertThat(encoded.length).isLessThanOrEqualTo(budget);
    assertThat(decoded.code()).isEqualTo(fault.code());
    assertThat(decoded.reason()).isEqualTo(fault.reason());
    assertThat(decoded.instanceId()).isEqualTo(fault.instanceId());
    assertThat(decoded.traceId()).isEqualTo(fault.traceId());
  }

  @Provide
  Arbitrary<String> malformed() {
    return FaultArbitraries.malformedText();
  }

  @Property(tries = 200)
  void encodesTextWithUnpairedSurrogatesWithoutThrowing(@ForAll("malformed") String text) {
    Fault fault =
        Fault.builder(dev.faultline.Code.INTERNAL)
            .message(text)
            .metadata("k", text)
            .exceptionMessage(text)
            .build();
    for (Exposure exposure : Exposure.values()) {
      assertThat(ProblemJson.decode(ProblemJson.encode(fault, exposure)).code())
          .isEqualTo(dev.faultline.Code.INTERNAL);
      assertThat(FaultHeader.encode(fault, exposure)).matches("[\\x20-\\x7E]*");
    }
  }

  @Property(tries = 1000)
  void neverThrowsOnArbitraryBytes(@ForAll @Size(max = 2048) byte[] body) {
    assertThat(ProblemJson.decode(body)).isNotNull();
  }

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.strings()
        .withChars("{}[]\":,0123456789.eE-+ tfnrulasetruenullcodecausesmetadatareason\\u")
        .ofMaxLength(400);
  }

  @Property(tries = 1000)
  void neverThrowsOnJsonShapedNoise(@ForAll("jsonish") String body) {
    assertThat(ProblemJson.decode(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isNotNull();
  }
}
