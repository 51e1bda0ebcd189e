package dev.faultline.internal.foreign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the headers of any response say: trace, request id, retry delay, rate limit. */
final class HeaderSignals {
  /** The longest retry delay kept; a remote asking for more gets this. */
  static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  private static final List<String> REQUEST_ID_HEADERS =
      List.of(
          "x-request-id",
          "x-amzn-requestid",
          "x-amz-request-id",
          "x-github-request-id",
          "request-id",
          "x-ms-request-id",
          "x-correlation-id",
          "audit-id");

  private HeaderSignals() {}

  /** The W3C trace context of {@code traceresponse} or {@code traceparent}, or null. */
  static @Nullable Trace trace(BoundedResponse r) {
    Trace trace = Trace.parse(r.header("traceresponse"));
    return trace != null ? trace : Trace.parse(r.header("traceparent"));
  }

  /** The first request id header present, cleaned, or null. */
  static @Nullable String requestId(BoundedResponse r) {
    for (String name : REQUEST_ID_HEADERS) {
      String value = RemoteText.clean(r.header(name), 128);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** {@code Retry-After} as a delay (seconds or an HTTP-date), bounded; null when absent. */
  static @Nullable Duration retryAfter(BoundedResponse r) {
    String value = r.header("retry-after");
    if (value == null || value.length() > 64) {
      return null;
    }
    value = value.strip();
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return value.length() > 6
          ? MAX_RETRY_AFTER
          : bounded(Duration.ofSeconds(Long.parseLong(value)));
    }
    Instant at = httpDate(value);
    return at == null ? null : bounded(Duration.between(now(r), at));
  }

  /** {@code epochSeconds} (as {@code X-RateLimit-Reset} gives) as a delay from the response. */
  static @Nullable Duration untilEpochSecond(BoundedResponse r, @Nullable String epochSeconds) {
    if (epochSeconds == null
        || epochSeconds.isBlank()
        || epochSeconds.length() > 12
        || !epochSeconds.strip().chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    Instant at = Instant.ofEpochSecond(Long.parseLong(epochSeconds.strip()));
    return bounded(Duration.between(now(r), at));
  }

  /** Whether {@code X-RateLimit-Remaining} (or {@code RateLimit-Remaining}) is 0. */
  static boolean rateLimitSpent(BoundedResponse r) {
    String remaining = r.header("x-ratelimit-remaining");
    if (remaining == null) {
      remaining = r.header("ratelimit-remaining");
    }
    return remaining != null && remaining.strip().equals("0");
  }

  static Duration bounded(Duration d) {
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
  }

  /** The response's own {@code Date}, to measure delays against the remote's clock; else now. */
  private static Instant now(BoundedResponse r) {
    String date = r.header("date");
    Instant at = date == null || date.length() > 64 ? null : httpDate(date.strip());
    return at != null ? at : Instant.now();
  }

  private static @Nullable Instant httpDate(String value) {
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
