package dev.faultline.context;

import dev.faultline.internal.ContextStorage;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * Runs a task under a context and restores the thread's own afterwards. When the task failed and
 * restoring also fails (a scope leaked under strict mode), the task's failure is thrown and the
 * restore problem is added to it as suppressed, so that neither is lost.
 */
final class Wrapping {
  private Wrapping() {}

  static void run(CallContext context, Runnable task) {
    CallContext previous = ContextStorage.attach(context);
    try {
      task.run();
    } catch (Throwable failure) {
      restoreAfter(failure, context, previous);
      throw failure;
    }
    ContextStorage.restore(context, previous);
  }

  static <T> T call(CallContext context, Callable<T> task) throws Exception {
    CallContext previous = ContextStorage.attach(context);
    T result;
    try {
      result = task.call();
    } catch (Throwable failure) {
      restoreAfter(failure, context, previous);
      throw failure;
    }
    ContextStorage.restore(context, previous);
    return result;
  }

  private static void restoreAfter(
      Throwable failure, CallContext context, @Nullable CallContext previous) {
    try {
      ContextStorage.restore(context, previous);
    } catch (IllegalStateException e) {
      failure.addSuppressed(e);
    }
  }
}
