package dev.faultline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.FaultBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonsTest {

  @ParameterizedTest
  @CsvSource({
    "resource_missing, RESOURCE_MISSING",
    "ResourceNotFoundException, RESOURCE_NOT_FOUND_EXCEPTION",
    "FST_ERR_VALIDATION, FST_ERR_VALIDATION",
    "not-found, NOT_FOUND",
    "'  spaced out  ', SPACED_OUT",
    "42abc, ABC",
    "http404Error, HTTP404_ERROR",
    "a..b, A_B"
  })
  void turnsApplicationCodesIntoUpperSnakeReasons(String raw, String expected) {
    assertThat(Reasons.normalize(raw)).isEqualTo(expected);
    assertThat(FaultBuilder.isValidReason(expected)).isTrue();
  }

  @Test
  void givesNothingForInputWithoutLetters() {
    assertThat(Reasons.normalize(null)).isNull();
    assertThat(Reasons.normalize("")).isNull();
    assertThat(Reasons.normalize("123 !!")).isNull();
    assertThat(Reasons.normalize("ééé")).isNull();
  }

  @Test
  void cutsLongCodesToAValidReason() {
    String reason = Reasons.normalize("abc_".repeat(100));
    assertThat(reason).hasSizeLessThanOrEqualTo(63);
    assertThat(FaultBuilder.isValidReason(reason)).isTrue();
  }
}
