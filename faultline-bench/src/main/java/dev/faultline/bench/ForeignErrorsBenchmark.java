package dev.faultline.bench;

import dev.faultline.Fault;
import dev.faultline.wire.ForeignErrors;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link ForeignErrors#decode} over every response of the foreign error corpus, per response: the
 * {@code .http} files are parsed once, then each operation decodes one response after the other
 * (the figure is the mean over the corpus).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ForeignErrorsBenchmark {
  private List<CorpusResponse> responses;
  private int next;

  /** Reads the corpus. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    responses = CorpusResponse.all();
  }

  /** Decodes the next response of the corpus. */
  @Benchmark
  public void decode(Blackhole hole) {
    CorpusResponse response = responses.get(next);
    next = next + 1 == responses.size() ? 0 : next + 1;
    Fault fault = ForeignErrors.decode(response.status, response.headers, response.body);
    hole.consume(fault);
  }
}
