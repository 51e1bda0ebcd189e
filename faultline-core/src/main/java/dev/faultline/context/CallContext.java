package dev.faultline.context;

import dev.faultline.internal.ContextStorage;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * What travels with a request: its W3C trace ({@link TraceParent} and tracestate), its {@link
 * Deadline}, and who is calling whom. Immutable; {@code withX()} returns a copy. Each thread has a
 * current context ({@link #current()}); {@link #makeCurrent()} and {@link #wrap} carry one to other
 * code and other threads, and {@link Propagation} carries it to other services.
 *
 * <pre>{@code
 * CallContext context = CallContext.newTrace().withService("orders").withTimeout(Duration.ofSeconds(2));
 * try (Scope scope = context.makeCurrent()) {
 *   executor.submit(CallContext.current().wrap(task));
 * }
 * }</pre>
 */
public final class CallContext {
  private static final CallContext ROOT = new CallContext(null, null, null, null, null, null);

  private final @Nullable TraceParent traceParent;
  private final @Nullable String traceState;
  private final @Nullable Deadline deadline;
  private final @Nullable String service;
  private final @Nullable String caller;
  private final @Nullable String tier;

  private CallContext(
      @Nullable TraceParent traceParent,
      @Nullable String traceState,
      @Nullable Deadline deadline,
      @Nullable String service,
      @Nullable String caller,
      @Nullable String tier) {
    this.traceParent = traceParent;
    this.traceState = traceState;
    this.deadline = deadline;
    this.service = service;
    this.caller = caller;
    this.tier = tier;
  }

  private static CallContext of(
      @Nullable TraceParent traceParent,
      @Nullable String traceState,
      @Nullable Deadline deadline,
      @Nullable String service,
      @Nullable String caller,
      @Nullable String tier) {
    boolean empty =
        traceParent == null
            && traceState == null
            && deadline == null
            && service == null
            && caller == null
            && tier == null;
    return empty ? ROOT : new CallContext(traceParent, traceState, deadline, service, caller, tier);
  }

  /** The empty context: no trace, no deadline, no attributes. */
  public static CallContext root() {
    return ROOT;
  }

  /** The context current on this thread; {@link #root()} when none is. */
  public static CallContext current() {
    CallContext stored = ContextStorage.stored();
    return stored == null ? ROOT : stored;
  }

  /** A root context that starts a new trace ({@link TraceParent#newRoot()}). */
  public static CallContext newTrace() {
    return new CallContext(TraceParent.newRoot(), null, null, null, null, null);
  }

  /** The trace and span of this context, or null when it has no trace. */
  public @Nullable TraceParent traceParent() {
    return traceParent;
  }

  /** The W3C tracestate list, valid and without empty members, or null. */
  public @Nullable String traceState() {
    return traceState;
  }

  /** The deadline of the work done in this context, or null when there is none. */
  public @Nullable Deadline deadline() {
    return deadline;
  }

  /** The name of the service doing the work, or null. */
  public @Nullable String service() {
    return service;
  }

  /** The name of the service that called it, or null. */
  public @Nullable String caller() {
    return caller;
  }

  /** The tier or environment the work runs in (such as {@code "prod"}), or null. */
  public @Nullable String tier() {
    return tier;
  }

  /** The trace id, or null when there is no trace. */
  public @Nullable String traceId() {
    return traceParent == null ? null : traceParent.traceId();
  }

  /** The id of this context's span, or null when there is no trace. */
  public @Nullable String spanId() {
    return traceParent == null ? null : traceParent.spanId();
  }

  /** Whether this is the root context: nothing set at all. */
  public boolean isRoot() {
    return this == ROOT;
  }

  /** A copy with this trace and span; null removes the trace. */
  public CallContext withTraceParent(@Nullable TraceParent p) {
    return Objects.equals(p, traceParent)
        ? this
        : of(p, traceState, deadline, service, caller, tier);
  }

  /** A copy with this W3C tracestate; an invalid list is dropped (the copy has none). */
  public CallContext withTraceState(@Nullable String s) {
    String valid = TraceState.normalize(s);
    return Objects.equals(valid, traceState)
        ? this
        : of(traceParent, valid, deadline, service, caller, tier);
  }

  /** A copy with this deadline; null removes it. */
  public CallContext withDeadline(@Nullable Deadline d) {
    return d == deadline ? this : of(traceParent, traceState, d, service, caller, tier);
  }

  /** A copy whose deadline is the earlier of this one's and {@code budget} from now. */
  public CallContext withTimeout(Duration budget) {
    return withDeadline(Deadline.after(budget).earliest(deadline));
  }

  /** A copy with this service name. */
  public CallContext withService(@Nullable String s) {
    return Objects.equals(s, service)
        ? this
        : of(traceParent, traceState, deadline, s, caller, tier);
  }

  /** A copy with this caller name. */
  public CallContext withCaller(@Nullable String s) {
    return Objects.equals(s, caller)
        ? this
        : of(traceParent, traceState, deadline, service, s, tier);
  }

  /** A copy with this tier. */
  public CallContext withTier(@Nullable String s) {
    return Objects.equals(s, tier)
        ? this
        : of(traceParent, traceState, deadline, service, caller, s);
  }

  /**
   * A copy with a new span of the same trace; when there is no trace, a new trace (and no
   * tracestate, which belongs to the trace it came with).
   */
  public CallContext newSpan() {
    if (traceParent == null) {
      return new CallContext(TraceParent.newRoot(), null, deadline, service, caller, tier);
    }
    return new CallContext(traceParent.newChild(), traceState, deadline, service, caller, tier);
  }

  /**
   * Makes this context current on this thread until the returned scope is closed.
   *
   * <pre>{@code
   * try (Scope scope = context.makeCurrent()) { ... }
   * }</pre>
   */
  public Scope makeCurrent() {
    if (ContextStorage.stored() == (isRoot() ? null : this)) {
      return ContextScope.NOOP;
    }
    return new ContextScope(this, ContextStorage.attach(this));
  }

  /**
   * {@code task} made to run with this context current, on whatever thread runs it; the thread's
   * own context is restored afterwards, also when the task throws.
   */
  public Runnable wrap(Runnable task) {
    return () -> Wrapping.run(this, task);
  }

  /**
   * {@code task} made to run with this context current, on whatever thread runs it; the thread's
   * own context is restored afterwards, also when the task throws.
   */
  public <T> Callable<T> wrap(Callable<T> task) {
    return () -> Wrapping.call(this, task);
  }

  /** The trace, deadline and attributes, for logs. */
  @Override
  public String toString() {
    return "CallContext[traceparent="
        + traceParent
        + ", deadline="
        + deadline
        + ", service="
        + service
        + ", caller="
        + caller
        + ", tier="
        + tier
        + "]";
  }
}
