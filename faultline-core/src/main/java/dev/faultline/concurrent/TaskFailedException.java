package dev.faultline.concurrent;

/**
 * One failed task, as a suppressed exception of a {@link TaskScopeException}: its message names the
 * scope, label, index, input summary, attempt and thread, and its cause is the task's exception. It
 * has no stack of its own (the joiner's stack says nothing about the task; the cause has the
 * task's).
 */
final class TaskFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TaskFailedException(TaskFailure failure) {
    super(failure.toString(), failure.exception(), false, false);
  }
}
