package dev.faultline.internal.foreign;

import org.jspecify.annotations.Nullable;

/**
 * Reads the little that an HTML error page says ({@code <title>}, {@code <h1>}, {@code <pre>}) as
 * plain text, without ever returning markup. Linear scans over at most the first {@value #SCAN}
 * characters; no regular expressions.
 */
final class Html {
  static final int SCAN = 16 * 1024;

  private Html() {}

  /** Whether {@code text} looks like HTML (it starts with a tag). */
  static boolean looksLike(String text) {
    return RemoteText.startsWithIgnoreCase(text, "<!doctype html")
        || RemoteText.startsWithIgnoreCase(text, "<html")
        || RemoteText.startsWithIgnoreCase(text, "<head")
        || RemoteText.startsWithIgnoreCase(text, "<body")
        || RemoteText.startsWithIgnoreCase(text, "<!--");
  }

  /** The text of the first {@code <tag>} element, without markup and entities decoded; or null. */
  static @Nullable String element(String html, String tag) {
    String scanned = html.length() > SCAN ? html.substring(0, SCAN) : html;
    int open = indexOfTag(scanned, "<" + tag, 0);
    if (open < 0) {
      return null;
    }
    int start = scanned.indexOf('>', open);
    if (start < 0) {
      return null;
    }
    int end = indexOfTag(scanned, "</" + tag, start);
    String inner = scanned.substring(start + 1, end < 0 ? scanned.length() : end);
    return RemoteText.message(decodeEntities(stripTags(firstLine(inner))));
  }

  private static int indexOfTag(String s, String tag, int from) {
    for (int i = s.indexOf('<', from); i >= 0; i = s.indexOf('<', i + 1)) {
      int after = i + tag.length();
      if (s.regionMatches(true, i, tag, 0, tag.length())
          && (after == s.length() || !Character.isLetterOrDigit(s.charAt(after)))) {
        return i;
      }
    }
    return -1;
  }

  /** Up to the first line break ({@code <br>} or a newline after text), as stack pages have. */
  private static String firstLine(String inner) {
    int br = indexOfTag(inner, "<br", 0);
    return br < 0 ? inner : inner.substring(0, br);
  }

  private static String stripTags(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inTag = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<') {
        inTag = true;
      } else if (c == '>' && inTag) {
        inTag = false;
        out.append(' ');
      } else if (!inTag) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String decodeEntities(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    return s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
