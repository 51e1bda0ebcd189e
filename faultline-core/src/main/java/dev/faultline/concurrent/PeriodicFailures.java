package dev.faultline.concurrent;

/**
 * What a wrapped {@link java.util.concurrent.ScheduledExecutorService} does when a run of a task
 * scheduled with {@code scheduleAtFixedRate} or {@code scheduleWithFixedDelay} throws. Either way
 * the failure is reported to the journal as {@link dev.faultline.journal.FaultKind#PERIODIC}.
 */
public enum PeriodicFailures {
  /** Report the failure and keep the schedule: the next run happens as planned (the default). */
  CONTINUE,
  /**
   * Report the failure, then end the schedule, as the JDK does for any periodic task that throws.
   */
  STOP
}
