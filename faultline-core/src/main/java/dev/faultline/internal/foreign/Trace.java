package dev.faultline.internal.foreign;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A W3C trace id and, when known, a span id, read from a response. */
record Trace(String traceId, @Nullable String spanId) {
  /**
   * The ids in {@code value} when it is {@code version-traceid-spanid-flags} (2, 32, 16 and 2 hex
   * digits, any case; all-zero ids refused), or null. ASP.NET Core's {@code traceId} has this form.
   */
  static @Nullable Trace parse(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.length() < 55 || v.length() > 128 || v.charAt(2) != '-' || v.charAt(35) != '-') {
      return null;
    }
    if (v.charAt(52) != '-' || !hex(v, 0, 2) || v.regionMatches(true, 0, "ff", 0, 2)) {
      return null;
    }
    if (!hex(v, 53, 55) || !id(v, 3, 35) || !id(v, 36, 52)) {
      return null;
    }
    return new Trace(lower(v, 3, 35), lower(v, 36, 52));
  }

  /** A bare trace id of 32 hex digits (not all zero), or null. */
  static @Nullable Trace ofTraceId(@Nullable String value) {
    if (value == null || value.length() != 32 || !id(value, 0, 32)) {
      return null;
    }
    return new Trace(lower(value, 0, 32), null);
  }

  private static String lower(String s, int from, int to) {
    return s.substring(from, to).toLowerCase(Locale.ROOT);
  }

  private static boolean id(String s, int from, int to) {
    return hex(s, from, to) && s.substring(from, to).chars().anyMatch(c -> c != '0');
  }

  private static boolean hex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }
}
