package dev.faultline.http;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.HopPolicy;
import dev.faultline.context.CallContext;
import dev.faultline.context.Deadline;
import dev.faultline.internal.FaultStamp;
import dev.faultline.internal.Warnings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The faults a server boundary answers or records, and the bits of their HTTP form. */
final class Answers {
  /** The domain of the reasons Faultline defines itself. */
  static final String DOMAIN = "faultline.dev";

  /** The reason of the 504 answered when the request's own deadline passed in this service. */
  static final String DEADLINE_REASON = "DEADLINE_EXCEEDED_IN_SERVICE";

  /** The reason of the CANCELLED record made when the caller went away mid-answer. */
  static final String CALLER_GONE_REASON = "CALLER_DISCONNECTED";

  private Answers() {}

  /**
   * The fault to answer for {@code failure}: the hop policy's answer, or a 504 around it when the
   * request's deadline has passed. Never throws: Faultline's own trouble gives a generic INTERNAL.
   */
  static Fault answer(HopPolicy policy, Throwable failure, CallContext context) {
    Fault fault;
    try {
      fault = policy.answer(failure, context);
    } catch (RuntimeException | LinkageError e) {
      Warnings.once("http.server.answer", "Faultline could not classify a handler failure", e);
      fault = FaultStamp.stamp(Fault.of(Code.INTERNAL, Code.INTERNAL.defaultMessage()), context);
    }
    return expired(context.deadline()) && !isTimeout(fault)
        ? deadlineExceeded(fault, context)
        : fault;
  }

  /** A CANCELLED fault saying the caller went away, with what it was to be answered as cause. */
  static Fault callerGone(Fault fault, CallContext context) {
    return FaultStamp.stamp(
        Fault.builder(Code.CANCELLED)
            .reason(CALLER_GONE_REASON)
            .domain(DOMAIN)
            .message("The caller went away before the answer was written")
            .cause(fault)
            .build(),
        context);
  }

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

  private static Fault deadlineExceeded(Fault fault, CallContext context) {
    return FaultStamp.stamp(
        Fault.builder(Code.DEADLINE_EXCEEDED)
            .reason(DEADLINE_REASON)
            .domain(DOMAIN)
            .message("The request's deadline passed before the service could answer")
            .cause(fault)
            .build(),
        context);
  }

  private static boolean expired(@Nullable Deadline deadline) {
    return deadline != null && deadline.isExpired();
  }

  private static boolean isTimeout(Fault fault) {
    return fault.code() == Code.DEADLINE_EXCEEDED || fault.code() == Code.CANCELLED;
  }
}
