package dev.faultline.internal;

import dev.faultline.Fault;
import dev.faultline.Faults;
import dev.faultline.context.CallContext;

/**
 * Classifies a failure and stamps it with the context it happened under: the trace, span and
 * service of that context, where the fault does not name its own.
 */
public final class FaultStamp {
  private FaultStamp() {}

  /** {@link Faults#classify(Throwable) classify(failure)}, stamped with {@code context}. */
  public static Fault of(Throwable failure, CallContext context) {
    return stamp(Faults.classify(failure), context);
  }

  /** {@code fault} with the trace, span and service of {@code context} where it has none. */
  public static Fault stamp(Fault fault, CallContext context) {
    boolean needsTrace = fault.traceId() == null && context.traceId() != null;
    boolean needsService = fault.service() == null && context.service() != null;
    if (!needsTrace && !needsService) {
      return fault;
    }
    Fault stamped = needsTrace ? fault.withTrace(context.traceId(), context.spanId()) : fault;
    return needsService ? stamped.withService(context.service()) : stamped;
  }
}
