package dev.faultline.context;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The W3C {@code tracestate} list: validation of received values and truncation of sent ones. A
 * valid list is kept in a normal form: members joined by {@code ','}, without blanks or empty
 * members. Any invalid member, a duplicate key or more than 32 members discards the whole list.
 */
final class TraceState {
  /** The most members a list may have. */
  static final int MAX_MEMBERS = 32;

  /** The longest list that is sent; longer lists are cut by the spec's rule. */
  static final int MAX_SENT = 512;

  /** Members longer than this are the first to go when a list is cut. */
  static final int LONG_MEMBER = 128;

  /** Longer received input (all headers combined) is discarded without being read. */
  static final int MAX_INPUT = 32 * 1024;

  private TraceState() {}

  /** The list made of every received header value joined by {@code ','}, or null. */
  static @Nullable String parse(List<String> values) {
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() == 1) {
      return normalize(values.get(0));
    }
    StringBuilder combined = new StringBuilder();
    for (String value : values) {
      if (value == null || combined.length() + value.length() > MAX_INPUT) {
        return null;
      }
      combined.append(value).append(',');
    }
    return normalize(combined.toString());
  }

  /** {@code value} in normal form, or null when it is missing, empty or invalid. */
  static @Nullable String normalize(@Nullable String value) {
    if (value == null || value.length() > MAX_INPUT) {
      return null;
    }
    Members members = Members.split(value);
    if (members == null || members.count == 0) {
      return null;
    }
    String normal = members.join(value, members.count);
    return normal.equals(value) ? value : normal;
  }

  /** {@code normal} cut to {@value #MAX_SENT} chars: long members go first, then the last ones. */
  static String truncate(String normal) {
    if (normal.length() <= MAX_SENT) {
      return normal;
    }
    Members members = Members.split(normal);
    if (members == null) {
      return "";
    }
    int length = normal.length();
    for (int i = members.count - 1; i >= 0 && length > MAX_SENT; i--) {
      if (members.length(i) > LONG_MEMBER) {
        length -= members.length(i) + 1;
        members.drop(i);
      }
    }
    for (int i = members.count - 1; i >= 0 && length > MAX_SENT; i--) {
      length -= members.length(i) + 1;
      members.drop(i);
    }
    return members.join(normal, members.count);
  }
}
