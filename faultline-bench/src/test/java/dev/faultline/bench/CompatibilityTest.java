package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.bench.Compatibility.Outcome;
import dev.faultline.bench.Compatibility.Pool;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compatibility matrix of docs/benchmarks.md, measured on the JDK that runs the build: what
 * each library's decorator carries on each kind of executor, and what nothing carries.
 */
class CompatibilityTest {
  private static final boolean VIRTUAL_THREADS = Runtime.version().feature() >= 21;
  private static Map<Alternatives, Map<Pool, Outcome>> results;

  @BeforeAll
  static void measure() throws Exception {
    results = Compatibility.measure();
    System.out.println("compatibility on Java " + Runtime.version() + ": " + results);
  }

  @Test
  void everyDecoratorCarriesItsValueOnEveryKindOfPoolAndCleansTheWorker() {
    for (Alternatives library : Compatibility.LIBRARIES) {
      for (Pool pool :
          EnumSet.of(Pool.FIXED, Pool.FORK_JOIN, Pool.SCHEDULED, Pool.COMPLETABLE_FUTURE)) {
        assertThat(results.get(library).get(pool))
            .as(library + " on " + pool)
            .isEqualTo(Outcome.CARRIED);
      }
    }
  }

  @Test
  void virtualThreadsCarryThroughEveryDecoratorOnJava21AndLater() {
    for (Alternatives library : Compatibility.LIBRARIES) {
      assertThat(results.get(library).get(Pool.VIRTUAL))
          .as(library.toString())
          .isEqualTo(VIRTUAL_THREADS ? Outcome.CARRIED : Outcome.UNAVAILABLE);
    }
  }

  @Test
  void nothingReachesTheCommonPoolWithoutADecorator() {
    for (Alternatives library : Compatibility.LIBRARIES) {
      if (library == Alternatives.TTL && !VIRTUAL_THREADS) {
        // Java 17's common pool may start a worker during the task, and that worker inherits
        // the TTL value (then keeps it for later tasks): carried or not depends on timing.
        continue;
      }
      assertThat(results.get(library).get(Pool.COMMON_POOL_UNDECORATED))
          .as(library.toString())
          .isEqualTo(Outcome.LOST);
    }
  }

  @Test
  void onlyTransmittableThreadLocalIsInheritedByANewThread() {
    for (Alternatives library : Compatibility.LIBRARIES) {
      assertThat(results.get(library).get(Pool.NEW_THREAD_UNDECORATED))
          .as(library.toString())
          .isEqualTo(library == Alternatives.TTL ? Outcome.CARRIED : Outcome.LOST);
    }
  }
}
