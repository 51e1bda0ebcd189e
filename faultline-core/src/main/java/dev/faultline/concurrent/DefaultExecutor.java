package dev.faultline.concurrent;

import dev.faultline.internal.Warnings;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The one place that chooses where a {@link TaskScope} runs its tasks when it was given no
 * executor: a process-wide executor that starts a virtual thread per task where the runtime has
 * them (Java 21+), else a cached pool of daemon platform threads named {@code faultline-task-N}.
 */
final class DefaultExecutor {
  private DefaultExecutor() {}

  /** The shared executor, made on first use and never shut down. */
  static Executor get() {
    return Holder.SHARED;
  }

  private static final class Holder {
    static final Executor SHARED = create();
  }

  static Executor create() {
    Executor virtual = virtualThreadPerTask();
    return virtual != null ? virtual : daemonPool();
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()}, or null where the runtime lacks it. */
  static @Nullable Executor virtualThreadPerTask() {
    try {
      return (Executor) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (NoSuchMethodException e) {
      return null; // before Java 19: no virtual threads
    } catch (InvocationTargetException | IllegalAccessException | RuntimeException e) {
      // Java 19 and 20 without --enable-preview, or a runtime that refuses it
      Warnings.once(
          "taskscope.virtual-threads",
          "TaskScope runs its tasks on platform threads: virtual threads are not available ("
              + e
              + ")");
      return null;
    }
  }

  static ExecutorService daemonPool() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, "faultline-task-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newCachedThreadPool(factory);
  }
}
