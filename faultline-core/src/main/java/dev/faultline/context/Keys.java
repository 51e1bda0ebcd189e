package dev.faultline.context;

/**
 * The W3C {@code tracestate} key grammar: a simple key {@code [a-z][a-z0-9_\-*&#47;]{0,255}} or a
 * multi-tenant key {@code tenant@system}, the tenant {@code [a-z0-9][a-z0-9_\-*&#47;]{0,240}}, the
 * system {@code [a-z][a-z0-9_\-*&#47;]{0,13}}.
 */
final class Keys {
  private Keys() {}

  /** Whether {@code text} in {@code [from, to)} is a valid key. */
  static boolean isValid(String text, int from, int to) {
    int at = text.indexOf('@', from);
    if (at < 0 || at >= to) {
      return to - from <= 256 && from < to && isLower(text.charAt(from)) && rest(text, from, to);
    }
    boolean tenant =
        at - from >= 1
            && at - from <= 241
            && isLowerOrDigit(text.charAt(from))
            && rest(text, from, at);
    boolean system =
        to - at - 1 >= 1
            && to - at - 1 <= 14
            && isLower(text.charAt(at + 1))
            && rest(text, at + 1, to);
    return tenant && system;
  }

  private static boolean rest(String text, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      char c = text.charAt(i);
      if (!isLowerOrDigit(c) && c != '_' && c != '-' && c != '*' && c != '/') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isLowerOrDigit(char c) {
    return isLower(c) || (c >= '0' && c <= '9');
  }
}
