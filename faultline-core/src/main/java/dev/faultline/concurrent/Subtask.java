package dev.faultline.concurrent;

import org.jspecify.annotations.Nullable;

/**
 * A task forked in a {@link TaskScope}: its label and fork index, its state, and after {@link
 * TaskScope#join() join} its result or its {@link TaskFailure}.
 *
 * @param <T> the type of the task's result
 */
public interface Subtask<T> {
  /** Where a subtask is in its life. */
  enum State {
    /** Forked and not finished: queued, or running. */
    RUNNING,
    /** Finished with a result. */
    SUCCEEDED,
    /** Finished with a failure, described by {@link #failure()}. */
    FAILED,
    /** Stopped because its scope was cancelled, before or while it ran; not a failure. */
    CANCELLED
  }

  /** The label given to {@code TaskScope.fork}. */
  String label();

  /** The position of this subtask in fork order, from 0. */
  int index();

  /** The current state; may be read at any time. */
  State state();

  /**
   * The result of the task.
   *
   * @throws IllegalStateException before the scope was joined, or when the task did not succeed
   *     (for a failed task, its exception is the cause)
   */
  T get();

  /** The failure of the task, or {@code null} when it did not fail (or has not yet). */
  @Nullable TaskFailure failure();
}
