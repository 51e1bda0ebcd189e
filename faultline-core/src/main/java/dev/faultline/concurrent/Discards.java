package dev.faultline.concurrent;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.context.CallContext;
import dev.faultline.internal.FaultStamp;
import dev.faultline.journal.FaultKind;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import org.jspecify.annotations.Nullable;

/**
 * Replaces a pool's {@link ThreadPoolExecutor.DiscardPolicy} or {@link
 * ThreadPoolExecutor.DiscardOldestPolicy}, which drop tasks without a trace, with one that drops
 * the same task and reports it as {@link FaultKind#REJECTED}. Other handlers are left alone.
 */
final class Discards implements RejectedExecutionHandler {
  private final RejectedExecutionHandler original;
  private final ExecutorOptions options;

  private Discards(RejectedExecutionHandler original, ExecutorOptions options) {
    this.original = original;
    this.options = options;
  }

  /** Makes the discard policy of {@code pool}, when it has one, report what it drops. */
  static void decorate(ThreadPoolExecutor pool, ExecutorOptions options) {
    RejectedExecutionHandler handler = pool.getRejectedExecutionHandler();
    if (handler instanceof Discards) {
      handler = ((Discards) handler).original;
    }
    if (handler.getClass() == ThreadPoolExecutor.DiscardPolicy.class
        || handler.getClass() == ThreadPoolExecutor.DiscardOldestPolicy.class) {
      pool.setRejectedExecutionHandler(new Discards(handler, options));
    }
  }

  @Override
  public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
    if (original.getClass() == ThreadPoolExecutor.DiscardOldestPolicy.class && !pool.isShutdown()) {
      Runnable oldest = pool.getQueue().poll();
      if (oldest != null) {
        report(oldest, null);
      }
      pool.execute(task);
    } else {
      report(task, CallContext.current()); // the submitter's thread calls the handler
    }
  }

  private void report(Runnable task, @Nullable CallContext submitter) {
    Tracked tracked = task instanceof Tracked ? (Tracked) task : null;
    CallContext context = tracked != null ? tracked.context() : submitter;
    Fault fault =
        Fault.builder(Code.RESOURCE_EXHAUSTED)
            .reason("TASK_DISCARDED")
            .domain(Tasks.DOMAIN)
            .message("An executor discarded a task without running it")
            .build();
    ExecutorOptions reporter = tracked != null ? tracked.options() : options;
    String label = tracked != null ? tracked.label() : Tasks.label(task);
    reporter
        .journal()
        .report(FaultKind.REJECTED, FaultStamp.stamp(fault, Tasks.orRoot(context)), null, label);
  }

  @Override
  public String toString() {
    return "Discards[" + original + "]";
  }
}
