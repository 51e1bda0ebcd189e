package dev.faultline.concurrent;

import dev.faultline.journal.FaultJournal;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link TaskScope}, from {@link TaskScope#builder(String)}; every one is optional.
 *
 * <pre>{@code
 * TaskScope<Receipt> scope = TaskScope.builder("charges")
 *     .policy(TaskScope.Policy.COLLECT_ALL)
 *     .maxAttempts(3)                                   // retry UNAVAILABLE, ABORTED, …
 *     .inputSummary(card -> "card ending " + ((Card) card).last4())
 *     .build();
 * }</pre>
 */
public final class TaskScopeBuilder {
  private final String name;
  private TaskScope.Policy policy = TaskScope.Policy.FAIL_FAST;
  private @Nullable Executor executor;
  private Function<Object, String> redactor = InputSummary.DEFAULT;
  private int maxAttempts = 1;
  private @Nullable FaultJournal journal;

  TaskScopeBuilder(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("TaskScope name must not be blank");
    }
    this.name = name;
  }

  /** What a failure does to the other tasks; {@link TaskScope.Policy#FAIL_FAST} by default. */
  public TaskScopeBuilder policy(TaskScope.Policy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Where the tasks run. By default a process-wide executor: a virtual thread per task on Java 21+,
   * else a cached pool of daemon threads named {@code faultline-task-N}. The scope never shuts down
   * an executor.
   */
  public TaskScopeBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * How a failed task's input is summarised in its {@link TaskFailure}, its exception message and
   * the journal: the place to mask secrets. By default {@code String.valueOf(input)} cut to 120
   * characters. It is called only for a task that failed and was forked with an input; when it
   * throws, the summary is {@code "<redaction failed>"} (and the trouble is logged once).
   */
  public TaskScopeBuilder inputSummary(Function<Object, String> redactor) {
    this.redactor = Objects.requireNonNull(redactor, "inputSummary");
    return this;
  }

  /**
   * How many times a task is run in all when it fails with a transient code ({@link
   * dev.faultline.Code#isTransient()}); 1 (no retry) by default. Retries start at once, on the same
   * thread; only the last failure is kept.
   *
   * @throws IllegalArgumentException when {@code maxAttempts} is less than 1
   */
  public TaskScopeBuilder maxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "TaskScope maxAttempts must be at least 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    return this;
  }

  /** Where late and unobserved failures are reported; {@link FaultJournal#global()} by default. */
  public TaskScopeBuilder journal(FaultJournal journal) {
    this.journal = Objects.requireNonNull(journal, "journal");
    return this;
  }

  /** A new, open scope with these settings. */
  public <T> TaskScope<T> build() {
    Executor chosen = executor;
    return new TaskScope<>(
        new ScopeSettings(
            name,
            policy,
            chosen != null ? chosen : DefaultExecutor.get(),
            redactor,
            maxAttempts,
            journal));
  }
}
