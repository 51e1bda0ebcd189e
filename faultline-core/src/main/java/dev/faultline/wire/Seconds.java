package dev.faultline.wire;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A retry delay as a JSON number of seconds: {@code 30}, {@code 0.25}. */
final class Seconds {
  /** About 31,700 years: any longer delay from the wire is ignored as nonsense. */
  private static final double MAX_SECONDS = 1e12;

  private Seconds() {}

  /** {@code delay} as plain decimal text: an integer when whole, else a decimal fraction. */
  static String format(Duration delay) {
    if (delay.getNano() == 0) {
      return Long.toString(delay.getSeconds());
    }
    return BigDecimal.valueOf(delay.getSeconds())
        .add(BigDecimal.valueOf(delay.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The delay of {@code seconds}; null when negative, not finite or absurdly long. */
  static @Nullable Duration of(double seconds) {
    if (!(seconds >= 0 && seconds <= MAX_SECONDS)) {
      return null;
    }
    long whole = (long) seconds;
    long nanos = Math.round((seconds - whole) * 1e9);
    return Duration.ofSeconds(whole, nanos);
  }

  /** The delay of a string of 1 to 12 ASCII digits; null for anything else. */
  static @Nullable Duration parse(String digits) {
    int n = digits.length();
    if (n == 0 || n > 12) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return Duration.ofSeconds(Long.parseLong(digits));
  }
}
