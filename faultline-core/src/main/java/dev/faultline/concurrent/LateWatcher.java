package dev.faultline.concurrent;

import dev.faultline.internal.Warnings;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls abandoned futures that offer no completion callback: one daemon thread, {@code
 * faultline-late-watcher}, that runs only while there is something to watch; at most {@value
 * #CAPACITY} futures, each for at most an hour.
 */
final class LateWatcher {
  static final int CAPACITY = 1024;
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long MAX_WATCH_NANOS = TimeUnit.HOURS.toNanos(1);
  private static final ConcurrentLinkedQueue<Entry> ENTRIES = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger SIZE = new AtomicInteger();
  private static final AtomicBoolean RUNNING = new AtomicBoolean();

  private LateWatcher() {}

  private static final class Entry {
    final Future<?> future;
    final Late waiter;
    final long since = System.nanoTime();

    Entry(Future<?> future, Late waiter) {
      this.future = future;
      this.waiter = waiter;
    }
  }

  static void watch(Future<?> future, Late waiter) {
    if (SIZE.incrementAndGet() > CAPACITY) {
      SIZE.decrementAndGet();
      Warnings.once(
          "late-watcher.full",
          "Faultline watches " + CAPACITY + " abandoned futures already: a late outcome is lost");
      return;
    }
    ENTRIES.add(new Entry(future, waiter));
    if (RUNNING.compareAndSet(false, true)) {
      Thread t = new Thread(null, LateWatcher::run, "faultline-late-watcher", 0, false);
      t.setDaemon(true);
      t.start();
    }
  }

  private static void run() {
    while (true) {
      poll();
      if (ENTRIES.isEmpty()) {
        RUNNING.set(false);
        if (ENTRIES.isEmpty() || !RUNNING.compareAndSet(false, true)) {
          return; // nothing left, or a new watcher thread took over
        }
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  private static void poll() {
    for (Iterator<Entry> it = ENTRIES.iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      boolean expired = System.nanoTime() - entry.since > MAX_WATCH_NANOS;
      if (entry.future.isDone() || expired) {
        it.remove();
        SIZE.decrementAndGet();
        if (!expired) {
          check(entry);
        }
      }
    }
  }

  private static void check(Entry entry) {
    try {
      entry.future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      entry.waiter.report(Waits.optionsOf(entry.future).journal(), cause, null);
    } catch (RuntimeException e) {
      // cancelled, or a future that breaks its contract: nothing late to report
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
