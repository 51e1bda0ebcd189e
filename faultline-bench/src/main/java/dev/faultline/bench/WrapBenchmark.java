package dev.faultline.bench;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The wrap alone, with no queue hop: each library's decorator around an executor that runs the task
 * at once on the calling thread. What is left is exactly what the decorator adds per task:
 * capturing the context at submission, attaching it around the run, restoring the thread's own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WrapBenchmark {
  @Param({"PLAIN", "FAULTLINE_NO_CONTEXT", "FAULTLINE", "TTL", "OTEL", "MICROMETER"})
  public Alternatives executor;

  private ExecutorService wrapped;
  private AutoCloseable current;
  private final Count task = new Count();

  /** Decorates the inline executor and makes the library's value current here. */
  @Setup(Level.Trial)
  public void setUp() {
    wrapped = executor.wrap(new Inline());
    current = executor.enter("request-42");
  }

  /** Undoes the context. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    current.close();
  }

  /** Wraps one task and runs it inline; returns what it counted so the work is not dead code. */
  @Benchmark
  public int wrapAndRun() {
    wrapped.execute(task);
    return task.count;
  }

  /** The task: counts its runs. */
  static final class Count implements Runnable {
    int count;

    @Override
    public void run() {
      count++;
    }
  }

  /** Runs each task on the calling thread, at once. */
  static final class Inline extends AbstractExecutorService {
    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return false;
    }
  }
}
