package dev.faultline.internal.foreign;

import org.jspecify.annotations.Nullable;

/** Turns remote text into a short, single-line message that is safe to log and show. */
final class RemoteText {
  /** The longest message kept from a remote. */
  static final int MAX_MESSAGE = 512;

  private RemoteText() {}

  /**
   * {@code raw} with every run of whitespace and control characters collapsed into one space,
   * stripped, and cut to {@code max} characters (never inside a surrogate pair); null when blank.
   */
  static @Nullable String clean(@Nullable String raw, int max) {
    if (raw == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(raw.length(), max));
    boolean space = false;
    for (int i = 0; i < raw.length() && out.length() < max; i++) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c)
          || Character.isISOControl(c)
          || c == '\u2028'
          || c == '\u2029') {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
        if (out.length() == max) {
          break;
        }
      }
      out.append(c);
    }
    if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
      out.setLength(out.length() - 1);
    }
    return out.length() == 0 ? null : out.toString();
  }

  /** {@link #clean} to {@link #MAX_MESSAGE} characters. */
  static @Nullable String message(@Nullable String raw) {
    return clean(raw, MAX_MESSAGE);
  }

  /** The first non-blank line of {@code text}, cleaned; null when there is none. */
  static @Nullable String firstLine(String text) {
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      String line = message(text.substring(start, Math.min(end, start + MAX_MESSAGE * 2)));
      if (line != null) {
        return line;
      }
      start = end + 1;
    }
    return null;
  }

  /** Whether {@code text} starts with {@code prefix}, ignoring case and leading blanks. */
  static boolean startsWithIgnoreCase(String text, String prefix) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return text.regionMatches(true, i, prefix, 0, prefix.length());
  }

  /** Whether {@code value} contains {@code part}, ignoring ASCII case; false when null. */
  static boolean containsIgnoreCase(@Nullable String value, String part) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i + part.length() <= value.length(); i++) {
      if (value.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }
}
