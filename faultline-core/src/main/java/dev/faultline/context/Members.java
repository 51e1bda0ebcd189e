package dev.faultline.context;

import org.jspecify.annotations.Nullable;

/** The bounds of the members of a {@code tracestate} list, found and checked in one pass. */
final class Members {
  private final int[] starts = new int[TraceState.MAX_MEMBERS];
  private final int[] ends = new int[TraceState.MAX_MEMBERS];
  int count;

  private Members() {}

  /** The members of {@code list}, or null when one is invalid, a key repeats, or there are >32. */
  static @Nullable Members split(String list) {
    Members members = new Members();
    int start = 0;
    while (start <= list.length()) {
      int comma = list.indexOf(',', start);
      int end = comma < 0 ? list.length() : comma;
      if (!members.add(list, start, end)) {
        return null;
      }
      start = end + 1;
    }
    return members;
  }

  int length(int i) {
    return ends[i] - starts[i];
  }

  /** Removes member {@code i}. */
  void drop(int i) {
    System.arraycopy(starts, i + 1, starts, i, count - i - 1);
    System.arraycopy(ends, i + 1, ends, i, count - i - 1);
    count--;
  }

  /** The first {@code n} members of {@code list}, joined by {@code ','}. */
  String join(String list, int n) {
    StringBuilder out = new StringBuilder(list.length());
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(list, starts[i], ends[i]);
    }
    return out.toString();
  }

  private boolean add(String list, int from, int to) {
    while (from < to && isBlank(list.charAt(from))) {
      from++;
    }
    while (to > from && isBlank(list.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return true;
    }
    int equals = list.indexOf('=', from);
    if (count == TraceState.MAX_MEMBERS || equals < 0 || equals >= to) {
      return false;
    }
    if (!Keys.isValid(list, from, equals) || !isValue(list, equals + 1, to)) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      int key = list.indexOf('=', starts[i]);
      if (key - starts[i] == equals - from
          && list.regionMatches(starts[i], list, from, key - starts[i])) {
        return false;
      }
    }
    starts[count] = from;
    ends[count++] = to;
    return true;
  }

  private static boolean isValue(String list, int from, int to) {
    if (to - from < 1 || to - from > 256 || list.charAt(to - 1) == ' ') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = list.charAt(i);
      if (c < 0x20 || c > 0x7E || c == ',' || c == '=') {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
