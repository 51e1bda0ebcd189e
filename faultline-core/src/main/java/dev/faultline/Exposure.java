package dev.faultline;

import dev.faultline.internal.Settings;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How much of a fault leaves the process in a response or a record. {@link #PUBLIC} is the default:
 * a service must be configured to send more.
 */
public enum Exposure {
  /**
   * Code, reason, domain, safe message, trace id, instance id and retry delay; no causes, no
   * exception text, no stack. For untrusted callers.
   */
  PUBLIC,
  /** PUBLIC plus the cause chain (service, code, reason and safe message of each) and metadata. */
  INTERNAL,
  /** INTERNAL plus exception class names, their raw messages and trimmed stack frames. */
  DEBUG;

  /** The name of the system property that sets the process-wide exposure. */
  public static final String PROPERTY = "faultline.exposure";

  /** Whether the cause chain and metadata are sent. */
  public boolean includesCauses() {
    return this != PUBLIC;
  }

  /** Whether exception class names, raw messages and stack frames are sent. */
  public boolean includesDebug() {
    return this == DEBUG;
  }

  /**
   * The exposure configured for this process: the system property {@value #PROPERTY}, else the
   * environment variable {@code FAULTLINE_EXPOSURE}, else {@link #PUBLIC}.
   *
   * @throws IllegalArgumentException when the setting names no exposure level
   */
  public static Exposure configured() {
    return parse(Settings.get(PROPERTY), PROPERTY);
  }

  /**
   * The level named by {@code value} (case-insensitive), {@link #PUBLIC} when it is null or blank.
   *
   * @param setting the name of the setting the value came from, for the error message
   * @throws IllegalArgumentException when the value names no exposure level
   */
  public static Exposure parse(@Nullable String value, String setting) {
    if (value == null || value.isBlank()) {
      return PUBLIC;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          setting + " must be one of PUBLIC, INTERNAL, DEBUG, but was \"" + value + "\"", e);
    }
  }
}
