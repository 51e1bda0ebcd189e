package dev.faultline.internal;

import dev.faultline.FaultBuilder;
import org.jspecify.annotations.Nullable;

/** Turns application codes from the wire into valid fault reasons. */
public final class Reasons {
  private Reasons() {}

  /**
   * {@code raw} as UPPER_SNAKE: camel case and every run of other characters become one {@code _}
   * ({@code "resource_missing"} and {@code "ResourceMissing"} both give {@code RESOURCE_MISSING}),
   * leading non-letters are dropped, and the result is cut to 63 characters. Null when nothing
   * usable is left.
   */
  public static @Nullable String normalize(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(raw.length() + 8, 80));
    char previous = 0;
    for (int i = 0; i < raw.length() && out.length() <= FaultBuilder.MAX_REASON_LENGTH; i++) {
      char c = raw.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean digit = c >= '0' && c <= '9';
      if (!letter && !digit) {
        separate(out);
      } else if (out.length() > 0 || letter) {
        boolean camelBreak =
            c >= 'A' && c <= 'Z' && ((previous >= 'a' && previous <= 'z') || isDigit(previous));
        if (camelBreak) {
          separate(out);
        }
        out.append(Character.toUpperCase(c));
      }
      previous = c;
    }
    if (out.length() > FaultBuilder.MAX_REASON_LENGTH) {
      out.setLength(FaultBuilder.MAX_REASON_LENGTH);
    }
    while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
      out.setLength(out.length() - 1);
    }
    return out.length() == 0 ? null : out.toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static void separate(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
      out.append('_');
    }
  }
}
