package dev.faultline.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class StrictContextTest {

  @Test
  void takesItsInitialValueFromTheSetting() throws Exception {
    assertThat(initialValueWith("true")).isTrue();
    assertThat(initialValueWith(" TRUE ")).isTrue();
    assertThat(initialValueWith("false")).isFalse();
    assertThat(initialValueWith("yes please")).isFalse();
    assertThat(initialValueWith(null)).isFalse();
  }

  /** StrictContext.isEnabled() of a fresh copy of the class, loaded while the property is set. */
  private static boolean initialValueWith(String value) throws Exception {
    URL classes = StrictContext.class.getProtectionDomain().getCodeSource().getLocation();
    String before = System.getProperty(StrictContext.SETTING);
    if (value == null) {
      System.clearProperty(StrictContext.SETTING);
    } else {
      System.setProperty(StrictContext.SETTING, value);
    }
    try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, null)) {
      Class<?> copy = fresh.loadClass(StrictContext.class.getName());
      return (Boolean) copy.getMethod("isEnabled").invoke(null);
    } finally {
      if (before == null) {
        System.clearProperty(StrictContext.SETTING);
      } else {
        System.setProperty(StrictContext.SETTING, before);
      }
    }
  }
}
