package dev.faultline.concurrent;

import dev.faultline.journal.FaultJournal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a wrapped executor reports: to which {@link FaultJournal}, and what a periodic task does
 * after a failure. Immutable; {@code withX()} returns a copy.
 *
 * <pre>{@code
 * ExecutorOptions options = ExecutorOptions.defaults().withPeriodicFailures(PeriodicFailures.STOP);
 * ScheduledExecutorService scheduler = FaultlineExecutors.wrap(jdkScheduler, options);
 * }</pre>
 */
public final class ExecutorOptions {
  private static final ExecutorOptions DEFAULTS =
      new ExecutorOptions(null, PeriodicFailures.CONTINUE);

  private final @Nullable FaultJournal journal;
  private final PeriodicFailures periodicFailures;

  private ExecutorOptions(@Nullable FaultJournal journal, PeriodicFailures periodicFailures) {
    this.journal = journal;
    this.periodicFailures = periodicFailures;
  }

  /** Reports to {@link FaultJournal#global()}; periodic tasks {@link PeriodicFailures#CONTINUE}. */
  public static ExecutorOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A copy that reports to {@code journal}, such as a journal with a {@code MemorySink} in tests.
   */
  public ExecutorOptions withJournal(FaultJournal journal) {
    return new ExecutorOptions(Objects.requireNonNull(journal, "journal"), periodicFailures);
  }

  /** A copy whose periodic tasks follow {@code policy} after a failed run. */
  public ExecutorOptions withPeriodicFailures(PeriodicFailures policy) {
    return new ExecutorOptions(journal, Objects.requireNonNull(policy, "policy"));
  }

  /** The journal reports go to; the global journal (made on first use) unless one was set. */
  public FaultJournal journal() {
    FaultJournal own = journal;
    return own != null ? own : FaultJournal.global();
  }

  /** What a periodic task does after a failed run. */
  public PeriodicFailures periodicFailures() {
    return periodicFailures;
  }

  /** The journal (when one was set) and the periodic policy, for logs. */
  @Override
  public String toString() {
    return "ExecutorOptions[journal="
        + (journal == null ? "global" : journal)
        + ", periodicFailures="
        + periodicFailures
        + "]";
  }
}
