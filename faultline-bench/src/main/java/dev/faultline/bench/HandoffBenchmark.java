package dev.faultline.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Task hand-off through a pool, per task: the benchmark thread submits a batch of {@value #BATCH}
 * tasks with {@code execute} to a one-thread {@link ThreadPoolExecutor} (decorated by each library)
 * and waits until the worker has run them all. The figure is the time of the whole batch divided by
 * its size: submission, the queue, the worker's wrap and unwrap and the run, with the submitter and
 * the worker overlapping as they do in a service. Every alternative runs the same task object, so
 * whatever a decorator allocates per task shows up in B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(HandoffBenchmark.BATCH)
public class HandoffBenchmark {
  /** Tasks per benchmark invocation. */
  public static final int BATCH = 100;

  @Param({"PLAIN", "FAULTLINE_NO_CONTEXT", "FAULTLINE", "TTL", "OTEL", "MICROMETER"})
  public Alternatives executor;

  private ThreadPoolExecutor pool;
  private ExecutorService wrapped;
  private AutoCloseable current;
  private final CountDown task = new CountDown();

  /** Starts the worker, decorates the pool, makes the library's value current here. */
  @Setup(Level.Trial)
  public void setUp() {
    pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    pool.prestartAllCoreThreads();
    wrapped = executor.wrap(pool);
    current = executor.enter("request-42");
  }

  /** Undoes the context and stops the worker. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    current.close();
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** One batch: {@value #BATCH} tasks handed to the worker, and the wait for the last one. */
  @Benchmark
  public void handoff() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(BATCH);
    task.latch = done;
    for (int i = 0; i < BATCH; i++) {
      wrapped.execute(task);
    }
    done.await();
  }

  /** The task every alternative runs: counts the batch down. */
  static final class CountDown implements Runnable {
    volatile CountDownLatch latch;

    @Override
    public void run() {
      latch.countDown();
    }
  }
}
