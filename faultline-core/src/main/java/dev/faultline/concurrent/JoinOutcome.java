package dev.faultline.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What {@link TaskScope#join()} returns or throws, once the scope is sealed. */
final class JoinOutcome {
  private JoinOutcome() {}

  /**
   * The results in fork order, or the exception that holds {@code failures}: stopped (timed out,
   * interrupted, closed while joining) before failed, failed before succeeded.
   *
   * @param timeout the timeout that ran out, or null when the wait was interrupted or cancelled
   */
  static <T> List<T> of(
      ScopeCore core,
      List<TaskRun<?>> runs,
      List<TaskFailure> failures,
      boolean settled,
      @Nullable Duration timeout) {
    String name = core.settings.name();
    TaskFailure primary = primary(core, failures);
    if (!settled || (failures.isEmpty() && !allSucceeded(runs))) {
      throw TaskFaults.stopped(name, settled ? null : timeout, failures, primary, runs.size());
    }
    if (primary != null) {
      throw TaskFaults.failed(name, failures, primary, runs.size());
    }
    return results(runs);
  }

  /** Under FAIL_FAST, the failure that came first in time; else the first in fork order. */
  private static @Nullable TaskFailure primary(ScopeCore core, List<TaskFailure> failures) {
    TaskRun<?> first = core.first();
    if (core.settings.policy() == TaskScope.Policy.FAIL_FAST && first != null) {
      TaskFailure failure = first.failure();
      if (failure != null && failures.contains(failure)) {
        return failure;
      }
    }
    return failures.isEmpty() ? null : failures.get(0);
  }

  private static boolean allSucceeded(List<TaskRun<?>> runs) {
    for (TaskRun<?> run : runs) {
      if (run.state() != Subtask.State.SUCCEEDED) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked") // every run was forked as a Callable of a subtype of T
  private static <T> List<T> results(List<TaskRun<?>> runs) {
    List<T> results = new ArrayList<>(runs.size());
    for (TaskRun<?> run : runs) {
      results.add((T) run.get());
    }
    return Collections.unmodifiableList(results);
  }
}
