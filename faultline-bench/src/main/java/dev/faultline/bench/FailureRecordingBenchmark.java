package dev.faultline.bench;

import dev.faultline.concurrent.TaskScope;
import dev.faultline.concurrent.TaskScopeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Failure recording under contention: one operation forks {@value #TASKS} tasks onto a pool of
 * {@value #THREADS} threads, every one of them fails, and the caller waits for all of them and gets
 * every failure with its label, index, thread and exception. {@link TaskScope} (COLLECT_ALL)
 * against the two collectors a pool usually gets by hand: a {@code synchronized} list and a global
 * {@link ConcurrentHashMap}. Every variant throws the same exception from the same pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FailureRecordingBenchmark {
  /** Failing tasks per operation. */
  public static final int TASKS = 1_000;

  /** Threads of the pool the tasks fail on. */
  public static final int THREADS = 4;

  private static final String LABEL = "charge";
  private static final ConcurrentHashMap<Key, Recorded> GLOBAL = new ConcurrentHashMap<>();
  private static final AtomicLong ROUNDS = new AtomicLong();
  private static final Callable<Object> FAILING =
      () -> {
        throw new IllegalStateException("card declined");
      };

  private ExecutorService pool;

  /** Starts the pool every variant shares. */
  @Setup(Level.Trial)
  public void setUp() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  /** Stops the pool. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Faultline: fork into a COLLECT_ALL scope, join, read the failures off the exception. */
  @Benchmark
  public int taskScope() {
    try (TaskScope<Object> scope =
        TaskScope.builder("charges").policy(TaskScope.Policy.COLLECT_ALL).executor(pool).build()) {
      for (int i = 0; i < TASKS; i++) {
        scope.fork(LABEL, FAILING);
      }
      return scope.join().size();
    } catch (TaskScopeException e) {
      return e.failures().size();
    }
  }

  /** A {@code Collections.synchronizedList} the tasks add to, and a latch to wait on. */
  @Benchmark
  public int synchronizedList() throws InterruptedException {
    List<Recorded> failures = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(TASKS);
    for (int i = 0; i < TASKS; i++) {
      int index = i;
      pool.execute(
          () -> {
            try {
              FAILING.call();
            } catch (Exception e) {
              failures.add(new Recorded(LABEL, index, Thread.currentThread().getName(), e));
            } finally {
              done.countDown();
            }
          });
    }
    done.await();
    return failures.size();
  }

  /** A process-wide {@link ConcurrentHashMap} keyed by round and index, drained by the caller. */
  @Benchmark
  public int concurrentMap() throws InterruptedException {
    long round = ROUNDS.incrementAndGet();
    CountDownLatch done = new CountDownLatch(TASKS);
    for (int i = 0; i < TASKS; i++) {
      int index = i;
      pool.execute(
          () -> {
            try {
              FAILING.call();
            } catch (Exception e) {
              GLOBAL.put(
                  new Key(round, index),
                  new Recorded(LABEL, index, Thread.currentThread().getName(), e));
            } finally {
              done.countDown();
            }
          });
    }
    done.await();
    List<Recorded> failures = new ArrayList<>(TASKS);
    for (int i = 0; i < TASKS; i++) {
      Recorded recorded = GLOBAL.remove(new Key(round, i));
      if (recorded != null) {
        failures.add(recorded);
      }
    }
    return failures.size();
  }

  /** What the hand-made collectors keep of a failure. */
  static final class Recorded {
    final String label;
    final int index;
    final String thread;
    final Exception exception;

    Recorded(String label, int index, String thread, Exception exception) {
      this.label = label;
      this.index = index;
      this.thread = thread;
      this.exception = exception;
    }
  }

  /** A failure's place in the global map. */
  static final class Key {
    final long round;
    final int index;

    Key(long round, int index) {
      this.round = round;
      this.index = index;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key && ((Key) other).round == round && ((Key) other).index == index;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(round) * 31 + index;
    }
  }
}
