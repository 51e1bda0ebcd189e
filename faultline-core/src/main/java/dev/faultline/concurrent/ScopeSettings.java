package dev.faultline.concurrent;

import dev.faultline.journal.FaultJournal;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The settings of one {@link TaskScope}, as its builder left them. */
record ScopeSettings(
    String name,
    TaskScope.Policy policy,
    Executor executor,
    Function<Object, String> redactor,
    int maxAttempts,
    @Nullable FaultJournal ownJournal) {

  /**
   * The journal to report late and unobserved failures to: the scope's own, else the global one.
   */
  FaultJournal journal() {
    FaultJournal own = ownJournal;
    return own != null ? own : FaultJournal.global();
  }
}
