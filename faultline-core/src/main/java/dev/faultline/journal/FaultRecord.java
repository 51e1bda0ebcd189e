package dev.faultline.journal;

import dev.faultline.Fault;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One reported fault, as an immutable value: what was reported ({@link #fault()}), how it came to
 * light ({@link #kind()}), when, on which thread, and for which task.
 *
 * <p>A record keeps the class name of the exception, never the exception itself, so that a queued
 * record holds no stack, no cause chain and no object graph of the application.
 */
public final class FaultRecord {
  private final Instant time;
  private final FaultKind kind;
  private final Fault fault;
  private final @Nullable String exception;
  private final String thread;
  private final @Nullable String task;

  private FaultRecord(
      Instant time,
      FaultKind kind,
      Fault fault,
      @Nullable String exception,
      String thread,
      @Nullable String task) {
    this.time = Objects.requireNonNull(time, "time");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.fault = Objects.requireNonNull(fault, "fault");
    this.exception = exception;
    this.thread = Objects.requireNonNull(thread, "thread");
    this.task = task;
  }

  /**
   * A record of {@code fault} reported now on the current thread. The service, trace and span come
   * from the fault; the exception class name from {@code exception}, else from {@link
   * Fault#exception()}; {@code task} is the task's label, when there is one.
   */
  public static FaultRecord of(
      FaultKind kind, Fault fault, @Nullable Throwable exception, @Nullable String task) {
    String className = exception != null ? exception.getClass().getName() : fault.exception();
    return new FaultRecord(
        Instant.now(), kind, fault, className, Thread.currentThread().getName(), task);
  }

  /** A copy with another time, for a reporter that knows when the fault really happened. */
  public FaultRecord withTime(Instant time) {
    return new FaultRecord(time, kind, fault, exception, thread, task);
  }

  /** A copy with another thread name, for a reporter that reports for another thread. */
  public FaultRecord withThread(String thread) {
    return new FaultRecord(time, kind, fault, exception, thread, task);
  }

  /** When the fault was reported. */
  public Instant time() {
    return time;
  }

  /** How the fault came to light. */
  public FaultKind kind() {
    return kind;
  }

  /** The fault, with its whole chain of causes. */
  public Fault fault() {
    return fault;
  }

  /** The service where the fault arose: {@link Fault#service()}. */
  public @Nullable String service() {
    return fault.service();
  }

  /** The trace id of the request that caused the fault: {@link Fault#traceId()}. */
  public @Nullable String traceId() {
    return fault.traceId();
  }

  /** The span id of the operation that raised the fault: {@link Fault#spanId()}. */
  public @Nullable String spanId() {
    return fault.spanId();
  }

  /** The class name of the exception behind the fault, when there was one. */
  public @Nullable String exception() {
    return exception;
  }

  /** The name of the thread that reported the fault. */
  public String thread() {
    return thread;
  }

  /** The label of the task that failed, when there is one. */
  public @Nullable String task() {
    return task;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FaultRecord)) {
      return false;
    }
    FaultRecord r = (FaultRecord) o;
    return time.equals(r.time)
        && kind == r.kind
        && fault.equals(r.fault)
        && Objects.equals(exception, r.exception)
        && thread.equals(r.thread)
        && Objects.equals(task, r.task);
  }

  @Override
  public int hashCode() {
    return Objects.hash(time, kind, fault.instanceId(), thread, task);
  }

  /** One line: time, kind, task and the fault's safe one-line form. */
  @Override
  public String toString() {
    return time + " " + kind.wireName() + (task != null ? " " + task : "") + " " + fault;
  }
}
