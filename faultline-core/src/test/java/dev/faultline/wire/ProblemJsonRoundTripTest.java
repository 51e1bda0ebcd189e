package dev.faultline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemJsonRoundTripTest {
  private final Fault fault = SampleFaults.chain();

  @Test
  void publicRoundTripKeepsTheOuterFaultOnly() {
    Fault decoded = ProblemJson.decode(ProblemJson.encode(fault, Exposure.PUBLIC));

    assertSafeMembers(decoded, fault);
    assertThat(decoded.retryAfter()).isEqualTo(fault.retryAfter());
    assertThat(decoded.service()).isNull();
    assertThat(decoded.metadata()).isEmpty();
    assertThat(decoded.cause()).isNull();
    assertThat(decoded.exception()).isNull();
    assertThat(decoded.exceptionMessage()).isNull();
    assertThat(decoded.stackTrace()).isEmpty();
    assertThat(decoded.truncated()).isFalse();
  }

  @Test
  void internalRoundTripKeepsTheChainWithoutExceptionDetails() {
    Fault decoded = ProblemJson.decode(ProblemJson.encode(fault, Exposure.INTERNAL));

    List<Fault> expected = chain(fault);
    List<Fault> actual = chain(decoded);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertSafeMembers(actual.get(i), expected.get(i));
      assertThat(actual.get(i).service()).isEqualTo(expected.get(i).service());
      assertThat(actual.get(i).metadata()).isEqualTo(expected.get(i).metadata());
      assertThat(actual.get(i).exceptionMessage()).isNull();
      assertThat(actual.get(i).stackTrace()).isEmpty();
    }
  }

  @Test
  void debugRoundTripKeepsExceptionsAndStackFramesOfEveryFault() {
    Fault decoded = ProblemJson.decode(ProblemJson.encode(fault, Exposure.DEBUG));

    List<Fault> expected = chain(fault);
    List<Fault> actual = chain(decoded);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertSafeMembers(actual.get(i), expected.get(i));
      assertThat(actual.get(i).exception()).isEqualTo(expected.get(i).exception());
      assertThat(actual.get(i).exceptionMessage()).isEqualTo(expected.get(i).exceptionMessage());
      assertThat(actual.get(i).stackTrace()).isEqualTo(expected.get(i).stackTrace());
    }
  }

  @Test
  void causeWithoutTraceIdSharesTheOuterFaultsTrace() {
    Fault decoded = ProblemJson.decode(ProblemJson.encode(fault, Exposure.INTERNAL));

    assertThat(decoded.cause().traceId()).isEqualTo(SampleFaults.TRACE);
    assertThat(decoded.cause().cause().traceId()).isEqualTo(SampleFaults.OTHER_TRACE);
  }

  @Test
  void nonAsciiTextRoundTripsAsUtf8() {
    Fault greek = Fault.of(Code.NOT_FOUND, "Δεν βρέθηκε: «σπίτι» 😀");

    Fault decoded = ProblemJson.decode(ProblemJson.encode(greek, Exposure.PUBLIC));

    assertThat(decoded.message()).isEqualTo(greek.message());
  }

  static void assertSafeMembers(Fault actual, Fault expected) {
    assertThat(actual.code()).isEqualTo(expected.code());
    assertThat(actual.reason()).isEqualTo(expected.reason());
    assertThat(actual.domain()).isEqualTo(expected.domain());
    assertThat(actual.message()).isEqualTo(expected.message());
    assertThat(actual.traceId()).isEqualTo(expected.traceId());
    assertThat(actual.instanceId()).isEqualTo(expected.instanceId());
  }

  static List<Fault> chain(Fault fault) {
    List<Fault> chain = new java.util.ArrayList<>();
    for (Fault f = fault; f != null; f = f.cause()) {
      chain.add(f);
    }
    return chain;
  }
}
