package dev.faultline.grpc.internal;

import dev.faultline.Code;
import dev.faultline.FaultBuilder;
import dev.faultline.context.TraceParent;
import dev.faultline.internal.Reasons;
import dev.faultline.internal.Text;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Sets values read from the wire on a {@link FaultBuilder} without ever throwing: a value the
 * builder would refuse is repaired (a reason normalized, a string cut) or skipped.
 */
final class Lenient {
  /** The longest string kept from the wire. */
  static final int MAX_STRING = 4096;

  /** The most metadata entries kept per fault. */
  static final int MAX_METADATA = 64;

  private Lenient() {}

  static @Nullable String text(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.length() > MAX_STRING ? Text.cut(value, MAX_STRING) : value;
  }

  static void reason(FaultBuilder b, @Nullable String raw) {
    String value = text(raw);
    if (value != null) {
      b.reason(FaultBuilder.isValidReason(value) ? value : Reasons.normalize(value));
    }
  }

  static void metadata(FaultBuilder b, int count, String key, String value) {
    if (count < MAX_METADATA
        && !key.isBlank()
        && key.length() <= FaultBuilder.MAX_METADATA_KEY_LENGTH) {
      b.metadata(key, value.length() > MAX_STRING ? Text.cut(value, MAX_STRING) : value);
    }
  }

  /** A trace id as W3C writes it (32 lowercase hex digits, not all zero), else null. */
  static @Nullable String traceId(@Nullable String value) {
    if (value == null || value.length() != 32) {
      return null;
    }
    TraceParent parsed = TraceParent.parse("00-" + value + "-00f067aa0ba902b7-01");
    return parsed == null ? null : value;
  }

  static Code code(@Nullable String name, Code fallback) {
    Code code = Code.parse(name);
    return code == null ? fallback : code;
  }

  static long millis(Duration d) {
    try {
      return d.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
