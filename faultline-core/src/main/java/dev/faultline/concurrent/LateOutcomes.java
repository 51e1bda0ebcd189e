package dev.faultline.concurrent;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** Watches a future that a waiter gave up on, so that its late failure is reported. */
final class LateOutcomes {
  private LateOutcomes() {}

  /** Reports a failure of {@code future} from now on as late for {@code waiter}. */
  static void watch(Future<?> future, Late waiter) {
    if (future instanceof TrackedFuture) {
      ((TrackedFuture<?>) future).abandonedBy(waiter);
    } else if (future instanceof CompletableFuture) {
      ExecutorOptions options = Waits.optionsOf(future);
      ((CompletableFuture<?>) future)
          .whenComplete(
              (value, failure) -> {
                if (failure != null && !(Tasks.unwrap(failure) instanceof CancellationException)) {
                  waiter.report(options.journal(), failure, null);
                }
              });
    } else {
      LateWatcher.watch(future, waiter);
    }
  }
}
