package dev.faultline.concurrent;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.FaultBuilder;
import dev.faultline.HopPolicy;
import dev.faultline.context.CallContext;
import dev.faultline.internal.FaultStamp;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The faults a scope makes: the one its exception carries, and the ones it journals. */
final class TaskFaults {
  static final String DOMAIN = "faultline.dev";

  private TaskFaults() {}

  /** The task's fault with the scope, label, index, attempt and input summary as metadata. */
  static Fault forJournal(TaskFailure failure) {
    FaultBuilder fault =
        failure.fault().toBuilder()
            .metadata("scope", failure.scope())
            .metadata("task", failure.label())
            .metadata("task.index", Integer.toString(failure.index()))
            .metadata("task.attempt", Integer.toString(failure.attempt()));
    String input = failure.input();
    if (input != null) {
      fault.metadata("task.input", input);
    }
    return fault.build();
  }

  /**
   * Tasks failed: the cause is {@code primary}'s fault, and so is the code, unless that fault came
   * from a peer: then the per-hop rule applies ({@link HopPolicy#TRANSLATE}), since a peer's {@code
   * NOT_FOUND} says nothing about what this scope's caller asked for.
   */
  static TaskScopeException failed(
      String scope, List<TaskFailure> failures, TaskFailure primary, int total) {
    String message = failures.size() + " of " + total + " tasks failed in scope '" + scope + "'";
    Code code = HopPolicy.TRANSLATE.answer(primary.exception(), CallContext.root()).code();
    FaultBuilder fault = Fault.builder(code).reason("TASKS_FAILED");
    return exception(fault.message(message), scope, failures, primary, total);
  }

  /** The wait ran out, or the scope was interrupted or closed, before every task ended. */
  static TaskScopeException stopped(
      String scope,
      @Nullable Duration timeout,
      List<TaskFailure> failures,
      @Nullable TaskFailure primary,
      int total) {
    String why =
        timeout == null
            ? "was cancelled while joining"
            : "timed out after " + timeout.toMillis() + " ms";
    String message =
        "scope '" + scope + "' " + why + "; " + failures.size() + " of " + total + " tasks failed";
    FaultBuilder fault =
        timeout == null
            ? Fault.builder(Code.CANCELLED).reason("TASK_SCOPE_CANCELLED")
            : Fault.builder(Code.DEADLINE_EXCEEDED).reason("TASK_SCOPE_TIMED_OUT");
    if (timeout != null) {
      fault.metadata("timeoutMs", Long.toString(timeout.toMillis()));
    }
    return exception(fault.message(message), scope, failures, primary, total);
  }

  private static TaskScopeException exception(
      FaultBuilder fault,
      String scope,
      List<TaskFailure> failures,
      @Nullable TaskFailure primary,
      int total) {
    fault
        .domain(DOMAIN)
        .metadata("scope", scope)
        .metadata("failed", Integer.toString(failures.size()))
        .metadata("total", Integer.toString(total));
    if (primary != null) {
      fault.cause(primary.fault()).metadata("task", primary.label());
    }
    Fault stamped = FaultStamp.stamp(fault.build(), CallContext.current());
    return new TaskScopeException(stamped, failures, primary == null ? null : primary.exception());
  }
}
