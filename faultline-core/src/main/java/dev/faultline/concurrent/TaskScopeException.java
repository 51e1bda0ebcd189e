package dev.faultline.concurrent;

import dev.faultline.Fault;
import dev.faultline.FaultException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link TaskScope#join()} throws when tasks failed, the wait timed out or the owner was
 * interrupted: one exception that holds every failure, as {@link #failures()} and as suppressed
 * exceptions, so that a plain {@code printStackTrace()} or any logger shows them all.
 *
 * <p>Its {@link #fault()} has the code of the failure that decided the outcome (see {@link
 * TaskScope}), {@link dev.faultline.Code#DEADLINE_EXCEEDED} when the wait timed out, or {@link
 * dev.faultline.Code#CANCELLED} when the owner was interrupted; the metadata {@code scope}, {@code
 * failed} and {@code total}; and that failure's fault as its cause.
 */
public class TaskScopeException extends FaultException {
  private static final long serialVersionUID = 1L;

  /** Null only after deserialization: task failures do not cross a serialization boundary. */
  private final transient @Nullable List<TaskFailure> failures;

  TaskScopeException(Fault fault, List<TaskFailure> failures, @Nullable Throwable cause) {
    super(fault, cause);
    this.failures = List.copyOf(failures);
    for (TaskFailure failure : failures) {
      addSuppressed(new TaskFailedException(failure));
    }
  }

  /** Every failure the scope gathered, in fork order. */
  public List<TaskFailure> failures() {
    return failures == null ? List.of() : failures;
  }
}
