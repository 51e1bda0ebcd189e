package dev.faultline.journal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far the dispatcher has written and flushed, and a place to wait for it. The dispatcher takes
 * the monitor only when someone waits, so the usual drain costs one volatile write.
 */
final class FlushGate {
  private final AtomicInteger waiters = new AtomicInteger();
  private volatile long flushedThrough;

  /** The count of records written and flushed so far. */
  long flushedThrough() {
    return flushedThrough;
  }

  /** Called by the dispatcher after flushing the sinks: records up to {@code count} are out. */
  void advance(long count) {
    flushedThrough = count;
    if (waiters.get() > 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** Waits until {@code target} records are out; false when {@code timeout} passed first. */
  boolean await(long target, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    waiters.incrementAndGet();
    try {
      synchronized (this) {
        while (flushedThrough < target) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return flushedThrough >= target;
    } finally {
      waiters.decrementAndGet();
    }
  }
}
