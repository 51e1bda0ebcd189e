package dev.faultline.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools for the tests, with threads named so a failure's thread can be checked. */
final class TestPools {
  private TestPools() {}

  static ExecutorService named(String prefix, int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  static void stop(ExecutorService pool) throws InterruptedException {
    pool.shutdownNow();
    if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
      throw new AssertionError("a test pool did not stop: " + pool);
    }
  }
}
