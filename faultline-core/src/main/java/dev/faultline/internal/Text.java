package dev.faultline.internal;

/** Cuts text to a length without splitting a surrogate pair, for budgets and decode limits. */
public final class Text {
  /** The mark that ends a shortened text. */
  public static final String ELLIPSIS = "…";

  private Text() {}

  /**
   * The first {@code max} chars of {@code text} (one fewer when the last would be half of a
   * surrogate pair), or {@code text} itself when it is not longer.
   */
  public static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Math.max(max, 0);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /**
   * {@code text} shortened to at most {@code max} chars, ending in {@value #ELLIPSIS} when it was
   * cut; {@code text} itself when it is not longer.
   */
  public static String abbreviate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return cut(text, max - ELLIPSIS.length()) + ELLIPSIS;
  }
}
