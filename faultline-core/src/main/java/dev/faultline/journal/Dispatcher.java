package dev.faultline.journal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The bounded queue of a journal and the one daemon thread that drains it into the sinks. Reporters
 * only count and enqueue (no lock, no wait); the thread starts on the first record and again
 * whenever it has ended (interrupted by a container, or killed by an error), so a record is never
 * stranded behind a dead dispatcher.
 */
final class Dispatcher {
  static final String THREAD_NAME = "faultline-journal";
  private static final int BATCH = 256;
  private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final ConcurrentLinkedQueue<FaultRecord> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;
  private final List<JournalSink> sinks;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong sinkFailures = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean();
  private final FlushGate gate = new FlushGate();
  private volatile @Nullable Thread thread;
  private volatile boolean idle;
  private long delivered;

  Dispatcher(int capacity, List<JournalSink> sinks) {
    this.capacity = capacity;
    this.sinks = sinks;
  }

  /** Enqueues {@code record} unless the queue is full; never blocks. */
  void offer(FaultRecord record) {
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      dropped.incrementAndGet();
      Quiet.warnOnce(
          "journal.full",
          "Faultline journal queue is full (" + capacity + " records): dropping records");
      return;
    }
    accepted.incrementAndGet();
    queue.offer(record);
    wake();
  }

  long accepted() {
    return accepted.get();
  }

  long dropped() {
    return dropped.get();
  }

  long sinkFailures() {
    return sinkFailures.get();
  }

  @Nullable Thread thread() {
    return thread;
  }

  /** Waits until every record accepted so far has been written and the sinks flushed. */
  boolean flush(Duration timeout) {
    long target = accepted.get();
    if (gate.flushedThrough() >= target) {
      return true;
    }
    if (Thread.currentThread() == thread) {
      return false; // a sink that flushes its own journal would wait for itself
    }
    wake();
    return gate.await(target, timeout);
  }

  private void wake() {
    if (!running.get()) {
      start();
    } else if (idle) {
      Thread t = thread;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }

  private void start() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      // No inherited thread locals: the first reporter's context must not stick to the thread.
      Thread t = new Thread(null, this::run, THREAD_NAME, 0, false);
      t.setDaemon(true);
      t.setContextClassLoader(Dispatcher.class.getClassLoader());
      thread = t;
      t.start();
    } catch (Throwable e) {
      thread = null;
      running.set(false);
      Quiet.warnOnce("journal.start", "Faultline journal cannot start its thread", e);
    }
  }

  private void run() {
    boolean stopped = false;
    try {
      stopped = drain();
    } finally {
      thread = null;
      running.set(false);
      if (stopped && !queue.isEmpty()) {
        start();
      }
    }
  }

  /** Drains the queue until the thread is interrupted while idle; returns true then. */
  private boolean drain() {
    while (true) {
      FaultRecord record = queue.poll();
      if (record != null) {
        size.decrementAndGet();
        deliver(record);
        delivered++;
        if (delivered - gate.flushedThrough() < BATCH) {
          continue;
        }
      }
      flushSinks();
      if (record == null && !awaitRecords()) {
        return true;
      }
    }
  }

  private void deliver(FaultRecord record) {
    for (JournalSink sink : sinks) {
      try {
        sink.write(record);
      } catch (Throwable e) {
        failed(sink, "write", e);
      }
    }
  }

  private void flushSinks() {
    for (JournalSink sink : sinks) {
      try {
        sink.flush();
      } catch (Throwable e) {
        failed(sink, "flush", e);
      }
    }
    gate.advance(delivered);
  }

  private void failed(JournalSink sink, String what, Throwable e) {
    sinkFailures.incrementAndGet();
    String name = sink.getClass().getName();
    Quiet.warnOnce(
        "journal.sink." + name, "Faultline journal sink " + name + " failed to " + what, e);
  }

  /** Parks until a record arrives; false when interrupted, which ends the thread. */
  private boolean awaitRecords() {
    idle = true;
    try {
      while (queue.isEmpty()) {
        if (Thread.interrupted()) {
          return false;
        }
        LockSupport.parkNanos(this, IDLE_PARK_NANOS);
      }
      return true;
    } finally {
      idle = false;
    }
  }
}
