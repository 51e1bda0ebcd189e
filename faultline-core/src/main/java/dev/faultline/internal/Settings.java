package dev.faultline.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Faultline setting: the system property of that name, else the environment variable made
 * from it ({@code faultline.journal} → {@code FAULTLINE_JOURNAL}).
 */
public final class Settings {
  private Settings() {}

  /**
   * The value of the setting, or {@code null} when neither the property nor the variable is set.
   */
  public static @Nullable String get(String property) {
    String value = System.getProperty(property);
    return value != null ? value : System.getenv(environmentName(property));
  }

  /** The environment variable that stands for {@code property}. */
  public static String environmentName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
