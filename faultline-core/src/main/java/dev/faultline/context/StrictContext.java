package dev.faultline.context;

import dev.faultline.internal.Settings;
import dev.faultline.internal.Warnings;
import java.util.Locale;

/**
 * Strict mode, for tests: a {@link Scope} closed out of order throws an {@link
 * IllegalStateException} instead of only being reported. Its initial value is the setting {@value
 * #SETTING} ({@code true} or {@code false}; environment {@code FAULTLINE_CONTEXT_STRICT}).
 */
public final class StrictContext {
  /** The setting that turns strict mode on at start-up. */
  public static final String SETTING = "faultline.context.strict";

  private static volatile boolean enabled = initial();

  private StrictContext() {}

  /** Turns strict mode on for the whole process. */
  public static void enable() {
    enabled = true;
  }

  /** Turns strict mode off for the whole process. */
  public static void disable() {
    enabled = false;
  }

  /** Whether strict mode is on. */
  public static boolean isEnabled() {
    return enabled;
  }

  private static boolean initial() {
    String value = Settings.get(SETTING);
    if (value == null || value.isBlank()) {
      return false;
    }
    String normal = value.strip().toLowerCase(Locale.ROOT);
    if (!normal.equals("true") && !normal.equals("false")) {
      Warnings.once(
          SETTING, SETTING + " must be true or false, but was \"" + value + "\"; using false");
    }
    return normal.equals("true");
  }
}
