package dev.faultline.concurrent;

import dev.faultline.Fault;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Everything known about one failed task of a {@link TaskScope}, as an immutable value: which task
 * (scope, label, fork index, input summary), which attempt, where and how long it ran, and what
 * went wrong (the classified {@link Fault}, stamped with the forker's trace, and the exception).
 *
 * <pre>{@code
 * catch (TaskScopeException e) {
 *   for (TaskFailure f : e.failures()) {
 *     log.warn("{} #{} ({}) failed on attempt {}: {}", f.label(), f.index(), f.input(), f.attempt(), f.fault());
 *   }
 * }
 * }</pre>
 */
public final class TaskFailure {
  private final String scope;
  private final String label;
  private final int index;
  private final @Nullable String input;
  private final int attempt;
  private final String thread;
  private final Duration queued;
  private final Duration ran;
  private final Fault fault;
  private final Throwable exception;

  TaskFailure(
      String scope,
      String label,
      int index,
      @Nullable String input,
      int attempt,
      String thread,
      Duration queued,
      Duration ran,
      Fault fault,
      Throwable exception) {
    this.scope = scope;
    this.label = label;
    this.index = index;
    this.input = input;
    this.attempt = attempt;
    this.thread = thread;
    this.queued = queued;
    this.ran = ran;
    this.fault = fault;
    this.exception = exception;
  }

  /** The name of the scope the task was forked in. */
  public String scope() {
    return scope;
  }

  /** The label the task was forked with. */
  public String label() {
    return label;
  }

  /** The position of the task in fork order, from 0. */
  public int index() {
    return index;
  }

  /**
   * The summary of the task's input made by the scope's redactor (by default {@code
   * String.valueOf(input)} cut to 120 characters); {@code "<redaction failed>"} when the redactor
   * threw; {@code null} when the task was forked without an input.
   */
  public @Nullable String input() {
    return input;
  }

  /** The attempt that failed, from 1; more than 1 only when transient failures were retried. */
  public int attempt() {
    return attempt;
  }

  /** The name of the thread the failed attempt ran on. */
  public String thread() {
    return thread;
  }

  /** How long the task waited from its fork to the start of the failed attempt. */
  public Duration queued() {
    return queued;
  }

  /** How long the failed attempt ran. */
  public Duration ran() {
    return ran;
  }

  /**
   * The failure, classified ({@link dev.faultline.Faults#classify}) and stamped with the trace id,
   * span id and service of the context the task was forked under, where it named none of its own.
   */
  public Fault fault() {
    return fault;
  }

  /** The exception the failed attempt threw. */
  public Throwable exception() {
    return exception;
  }

  /**
   * One line that names the task, its input summary, attempt, thread and timings, and the fault in
   * its safe form; never the exception's own text.
   */
  @Override
  public String toString() {
    return "task '"
        + label
        + "' #"
        + index
        + " of scope '"
        + scope
        + "' failed on attempt "
        + attempt
        + " on thread "
        + thread
        + " (input: "
        + (input == null ? "none" : input)
        + ", queued "
        + queued.toMillis()
        + " ms, ran "
        + ran.toMillis()
        + " ms): "
        + fault;
  }
}
