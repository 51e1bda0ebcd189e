package dev.faultline.context;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@value Propagation#BUDGET} header: whole milliseconds as ASCII digits. Repeated or
 * comma-joined values give the smallest; a value that is not digits (negative, decimal, text, too
 * long) voids the header; a value over {@link Propagation#MAX_BUDGET_MS} is cut to it.
 */
final class BudgetHeader {
  /** Longer elements are garbage, not read to the end. */
  private static final int MAX_ELEMENT = 32;

  private BudgetHeader() {}

  /** The deadline that far from now, or null when the header is missing or invalid. */
  static @Nullable Deadline parse(List<String> values) {
    long smallest = -1;
    for (String value : values) {
      if (value == null || value.length() > MAX_ELEMENT * 4) {
        return null;
      }
      int start = 0;
      while (start <= value.length()) {
        int comma = value.indexOf(',', start);
        int end = comma < 0 ? value.length() : comma;
        long millis = millis(value, start, end);
        if (millis < 0) {
          return null;
        }
        smallest = smallest < 0 ? millis : Math.min(smallest, millis);
        start = end + 1;
      }
    }
    return smallest < 0 ? null : Deadline.after(Duration.ofMillis(smallest));
  }

  /** The number in {@code [from, to)} without blanks around it, clamped; -1 when not a number. */
  private static long millis(String value, int from, int to) {
    while (from < to && (value.charAt(from) == ' ' || value.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (value.charAt(to - 1) == ' ' || value.charAt(to - 1) == '\t')) {
      to--;
    }
    if (from == to || to - from > MAX_ELEMENT) {
      return -1;
    }
    long millis = 0;
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      millis = Math.min(millis * 10 + (c - '0'), Propagation.MAX_BUDGET_MS);
    }
    return millis;
  }
}
