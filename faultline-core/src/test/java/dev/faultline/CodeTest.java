package dev.faultline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeTest {

  @ParameterizedTest
  @CsvSource({
    "CANCELLED, 1, 499",
    "UNKNOWN, 2, 500",
    "INVALID_ARGUMENT, 3, 400",
    "DEADLINE_EXCEEDED, 4, 504",
    "NOT_FOUND, 5, 404",
    "ALREADY_EXISTS, 6, 409",
    "PERMISSION_DENIED, 7, 403",
    "RESOURCE_EXHAUSTED, 8, 429",
    "FAILED_PRECONDITION, 9, 400",
    "ABORTED, 10, 409",
    "OUT_OF_RANGE, 11, 400",
    "UNIMPLEMENTED, 12, 501",
    "INTERNAL, 13, 500",
    "UNAVAILABLE, 14, 503",
    "DATA_LOSS, 15, 500",
    "UNAUTHENTICATED, 16, 401"
  })
  void carriesTheGrpcNumberAndHttpStatusOfGoogleRpcCode(Code code, int number, int status) {
    assertThat(code.grpcNumber()).isEqualTo(number);
    assertThat(code.httpStatus()).isEqualTo(status);
    assertThat(Code.forGrpcNumber(number)).isSameAs(code);
  }

  @Test
  void hasExactlyTheSixteenFailureCodes() {
    assertThat(Code.values()).hasSize(16);
    assertThat(Code.forGrpcNumber(0)).isNull();
    assertThat(Code.forGrpcNumber(17)).isNull();
    assertThat(Code.forGrpcNumber(-1)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "400, INVALID_ARGUMENT",
    "401, UNAUTHENTICATED",
    "403, PERMISSION_DENIED",
    "404, NOT_FOUND",
    "409, ABORTED",
    "412, FAILED_PRECONDITION",
    "418, FAILED_PRECONDITION",
    "422, INVALID_ARGUMENT",
    "429, RESOURCE_EXHAUSTED",
    "499, CANCELLED",
    "500, INTERNAL",
    "501, UNIMPLEMENTED",
    "502, UNAVAILABLE",
    "503, UNAVAILABLE",
    "504, DEADLINE_EXCEEDED",
    "507, INTERNAL",
    "200, UNKNOWN",
    "302, UNKNOWN",
    "0, UNKNOWN",
    "999, UNKNOWN"
  })
  void mapsAnHttpStatusAloneToTheReversedGoogleapisMapping(int status, Code expected) {
    assertThat(Code.fromHttpStatus(status)).isEqualTo(expected);
  }

  @Test
  void parsesNamesLeniently() {
    assertThat(Code.parse("NOT_FOUND")).isEqualTo(Code.NOT_FOUND);
    assertThat(Code.parse(" not-found ")).isEqualTo(Code.NOT_FOUND);
    assertThat(Code.parse("Deadline Exceeded")).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(Code.parse("OK")).isNull();
    assertThat(Code.parse("INVALID_ARG")).isNull();
    assertThat(Code.parse("")).isNull();
    assertThat(Code.parse(null)).isNull();
    assertThat(Code.parse("NOT_FOUNDÉ")).isNull();
    assertThat(Code.parse("x".repeat(10_000))).isNull();
  }

  @Test
  void separatesCallerErrorsFromTransientOnes() {
    assertThat(Code.INVALID_ARGUMENT.isCallerError()).isTrue();
    assertThat(Code.UNAUTHENTICATED.isCallerError()).isTrue();
    assertThat(Code.UNAVAILABLE.isCallerError()).isFalse();
    assertThat(Code.UNAVAILABLE.isTransient()).isTrue();
    assertThat(Code.ABORTED.isTransient()).isTrue();
    assertThat(Code.INTERNAL.isTransient()).isFalse();
    assertThat(Code.NOT_FOUND.isTransient()).isFalse();
  }
}
