package dev.faultline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExposureTest {

  @Test
  void isPublicUnlessConfigured() {
    assertThat(Exposure.parse(null, "x")).isEqualTo(Exposure.PUBLIC);
    assertThat(Exposure.parse("  ", "x")).isEqualTo(Exposure.PUBLIC);
    assertThat(Exposure.configured()).isEqualTo(Exposure.PUBLIC);
  }

  @Test
  void readsTheSystemPropertyIgnoringCase() {
    try {
      System.setProperty(Exposure.PROPERTY, "internal");
      assertThat(Exposure.configured()).isEqualTo(Exposure.INTERNAL);
    } finally {
      System.clearProperty(Exposure.PROPERTY);
    }
  }

  @Test
  void failsFastOnAnUnknownLevelNamingTheSetting() {
    assertThatThrownBy(() -> Exposure.parse("everything", "faultline.exposure"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("faultline.exposure")
        .hasMessageContaining("PUBLIC, INTERNAL, DEBUG")
        .hasMessageContaining("everything");
  }

  @Test
  void widensStepByStep() {
    assertThat(Exposure.PUBLIC.includesCauses()).isFalse();
    assertThat(Exposure.INTERNAL.includesCauses()).isTrue();
    assertThat(Exposure.INTERNAL.includesDebug()).isFalse();
    assertThat(Exposure.DEBUG.includesDebug()).isTrue();
  }
}
