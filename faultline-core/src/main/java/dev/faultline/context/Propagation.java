package dev.faultline.context;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Carries a {@link CallContext} across a call as headers: W3C {@code traceparent} and {@code
 * tracestate}, and the remaining deadline budget in {@value #BUDGET}. Works over any carrier (a
 * header map, an HTTP request builder, Kafka headers) through a {@link Getter} or {@link Setter}.
 *
 * <pre>{@code
 * // client
 * CallContext call = Propagation.inject(CallContext.current(), builder, HttpRequest.Builder::setHeader);
 * // server
 * CallContext context = Propagation.extract(request.headers(), (h, name) -> h.allValues(name));
 * }</pre>
 */
public final class Propagation {
  /** The W3C trace parent header. */
  public static final String TRACEPARENT = "traceparent";

  /** The W3C trace state header. */
  public static final String TRACESTATE = "tracestate";

  /** The remaining deadline budget of the caller, in whole milliseconds, relative to receipt. */
  public static final String BUDGET = "faultline-budget-ms";

  /** A received budget larger than this (24 hours, in milliseconds) is cut to it. */
  public static final long MAX_BUDGET_MS = 24L * 60 * 60 * 1000;

  /** The largest part of the time left that a caller keeps back from the budget it sends. */
  public static final long MAX_BUDGET_RESERVE_MS = 100;

  private Propagation() {}

  /** Reads headers from a carrier. */
  @FunctionalInterface
  public interface Getter<C> {
    /** Every value of the header {@code name} (matched case-insensitively); empty when none. */
    List<String> values(C carrier, String name);
  }

  /** Writes headers to a carrier. */
  @FunctionalInterface
  public interface Setter<C> {
    /** Sets the header {@code name} to {@code value}, replacing any value it had. */
    void set(C carrier, String name, String value);
  }

  /**
   * Writes the context of an outgoing call into {@code carrier}: a traceparent with a new span of
   * the trace (a new trace when there is none), the tracestate (cut to 512 chars), and the
   * remaining budget, less a reserve for the answer (see {@link #MAX_BUDGET_RESERVE_MS}), when
   * there is a deadline. Returns the context of that call, whose span id is the one sent.
   */
  public static <C> CallContext inject(CallContext context, C carrier, Setter<C> setter) {
    CallContext call = context.newSpan();
    TraceParent parent = call.traceParent();
    if (parent != null) {
      setter.set(carrier, TRACEPARENT, parent.toString());
    }
    String state = call.traceState();
    if (state != null) {
      setter.set(carrier, TRACESTATE, TraceState.truncate(state));
    }
    Deadline deadline = call.deadline();
    if (deadline != null) {
      setter.set(carrier, BUDGET, Long.toString(budgetToSend(deadline.remainingMillis())));
    }
    return call;
  }

  /**
   * The budget told to the peer: the time left less a reserve for the answer's way back (a tenth,
   * at most {@value #MAX_BUDGET_RESERVE_MS} ms). The peer's deadline thus passes before its caller
   * gives up, so the peer's {@code DEADLINE_EXCEEDED} and its chain still reach the caller instead
   * of being cut off by timeouts that fire at every hop at the same instant.
   */
  static long budgetToSend(long remainingMillis) {
    return remainingMillis - Math.min(remainingMillis / 10, MAX_BUDGET_RESERVE_MS);
  }

  /**
   * The context of a received call: with one valid traceparent, the same trace with a new span for
   * this hop and the tracestate; otherwise (none, invalid, repeated) a new trace without
   * tracestate. A valid budget becomes a deadline that far from now; a bad one is ignored.
   */
  public static <C> CallContext extract(C carrier, Getter<C> getter) {
    List<String> parents = nonNull(getter.values(carrier, TRACEPARENT));
    TraceParent remote = parents.size() == 1 ? TraceParent.parse(parents.get(0)) : null;
    CallContext context =
        remote == null
            ? CallContext.newTrace()
            : CallContext.root()
                .withTraceParent(remote.newChild())
                .withTraceState(TraceState.parse(nonNull(getter.values(carrier, TRACESTATE))));
    Deadline deadline = BudgetHeader.parse(nonNull(getter.values(carrier, BUDGET)));
    return deadline == null ? context : context.withDeadline(deadline);
  }

  /** A getter over a header map that matches names case-insensitively and joins repeated keys. */
  public static Getter<Map<String, List<String>>> mapGetter() {
    return HeaderMaps.GETTER;
  }

  /** A setter over a mutable header map that replaces every value of the name, in any case. */
  public static Setter<Map<String, List<String>>> mapSetter() {
    return HeaderMaps.SETTER;
  }

  private static List<String> nonNull(@Nullable List<String> values) {
    return values == null ? List.of() : values;
  }
}
