package dev.faultline.internal;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.HopPolicy;
import dev.faultline.context.CallContext;
import dev.faultline.context.Deadline;
import org.jspecify.annotations.Nullable;

/**
 * The faults every server boundary (HTTP, gRPC) answers or records, so that they all say the same
 * thing in the same words: the hop policy's answer, a deadline that passed in this service, a
 * caller that went away.
 */
public final class ServerFaults {
  /** The domain of the reasons Faultline defines itself. */
  public static final String DOMAIN = "faultline.dev";

  /** The reason when the call's own deadline passed in this service. */
  public static final String DEADLINE_REASON = "DEADLINE_EXCEEDED_IN_SERVICE";

  /** The reason of the CANCELLED record made when the caller went away. */
  public static final String CALLER_GONE_REASON = "CALLER_DISCONNECTED";

  private ServerFaults() {}

  /**
   * The fault to answer for {@code failure}: the hop policy's answer, or DEADLINE_EXCEEDED around
   * it when the call's deadline has passed. Never throws: Faultline's own trouble gives a generic
   * INTERNAL.
   */
  public static Fault answer(HopPolicy policy, Throwable failure, CallContext context) {
    Fault fault;
    try {
      fault = policy.answer(failure, context);
    } catch (RuntimeException | LinkageError e) {
      Warnings.once("server.answer", "Faultline could not classify a handler failure", e);
      fault = FaultStamp.stamp(Fault.of(Code.INTERNAL, Code.INTERNAL.defaultMessage()), context);
    }
    return expired(context.deadline()) && !isTimeout(fault)
        ? deadlineExceeded(fault, context)
        : fault;
  }

  /** A CANCELLED fault saying the caller went away, with what was to be answered as cause. */
  public static Fault callerGone(@Nullable Fault fault, CallContext context) {
    return FaultStamp.stamp(
        Fault.builder(Code.CANCELLED)
            .reason(CALLER_GONE_REASON)
            .domain(DOMAIN)
            .message("The caller went away before it was answered")
            .cause(fault)
            .build(),
        context);
  }

  /** A DEADLINE_EXCEEDED fault naming this service, with what was to be answered as cause. */
  public static Fault deadlineExceeded(@Nullable Fault fault, CallContext context) {
    return FaultStamp.stamp(
        Fault.builder(Code.DEADLINE_EXCEEDED)
            .reason(DEADLINE_REASON)
            .domain(DOMAIN)
            .message("The deadline passed before the service could answer")
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
