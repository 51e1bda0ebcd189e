package dev.faultline.http;

import dev.faultline.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The HTTP form of a server's answer where it goes beyond problem+json. */
final class Answers {
  private Answers() {}

  /** The value of {@code Retry-After}: the fault's retry delay in whole seconds, rounded up. */
  static @Nullable String retryAfter(Fault fault) {
    Duration delay = fault.retryAfter();
    if (delay == null || delay.isNegative()) {
      return null;
    }
    return Long.toString(delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0));
  }

  /** The smallest valid problem, for when encoding the real one failed: a 500 with the trace. */
  static byte[] minimalProblem(@Nullable String traceId) {
    String trace = traceId == null ? "" : ",\"traceId\":\"" + traceId + '"';
    String json =
        "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
            + "\"code\":\"INTERNAL\""
            + trace
            + '}';
    return json.getBytes(StandardCharsets.US_ASCII);
  }
}
