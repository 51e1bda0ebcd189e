package dev.faultline.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.context.CallContext;
import dev.faultline.internal.ContextStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A million tasks with random contexts (a quarter of them root) across four kinds of pool: no task
 * sees a context but its submitter's, and afterwards no pooled thread keeps one.
 */
@Timeout(60)
class ContextStressTest {
  private static final int TASKS = 1_000_000;
  private static final int BATCH = 250; // divides TASKS

  private final AtomicInteger foreign = new AtomicInteger();
  private final AtomicInteger ran = new AtomicInteger();

  @Test
  void noTaskSeesAForeignContextAndNoPooledThreadKeepsOne() throws Exception {
    List<ExecutorService> plain = new ArrayList<>();
    plain.add(Executors.newFixedThreadPool(2));
    plain.add(Executors.newCachedThreadPool());
    plain.add(new ForkJoinPool(2));
    plain.add(Executors.newScheduledThreadPool(2));
    try {
      List<ExecutorService> wrapped = new ArrayList<>();
      for (ExecutorService pool : plain) {
        wrapped.add(FaultlineExecutors.wrap(pool, new Reports().options));
      }
      run(wrapped);

      assertThat(ran.get()).isEqualTo(TASKS);
      assertThat(foreign.get()).isZero();
      for (ExecutorService pool : plain) {
        assertThat(threadsHoldingAContext(pool)).as(pool.toString()).isZero();
      }
    } finally {
      plain.forEach(ExecutorService::shutdownNow);
    }
  }

  private void run(List<ExecutorService> pools) throws InterruptedException {
    CallContext[] contexts = new CallContext[64];
    for (int i = 0; i < contexts.length; i++) {
      contexts[i] = i % 4 == 0 ? CallContext.root() : CallContext.newTrace();
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int submitted = 0; submitted < TASKS; submitted += BATCH) {
      ExecutorService pool = pools.get((submitted / BATCH) % pools.size());
      CountDownLatch done = new CountDownLatch(BATCH);
      for (int i = 0; i < BATCH; i++) {
        CallContext expected = contexts[random.nextInt(contexts.length)];
        CallContext previous = ContextStorage.attach(expected);
        try {
          Runnable task = () -> check(expected, done);
          if (i % 8 == 0) {
            pool.submit(task);
          } else {
            pool.execute(task);
          }
        } finally {
          ContextStorage.restore(expected, previous);
        }
      }
      assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
    }
  }

  private void check(CallContext expected, CountDownLatch done) {
    if (CallContext.current() != expected) {
      foreign.incrementAndGet();
    }
    ran.incrementAndGet();
    done.countDown();
  }

  /** Runs one probe on each thread of {@code pool}, unwrapped, each holding its thread. */
  private static int threadsHoldingAContext(ExecutorService pool) throws InterruptedException {
    int threads =
        pool instanceof ThreadPoolExecutor
            ? ((ThreadPoolExecutor) pool).getPoolSize()
            : ((ForkJoinPool) pool).getPoolSize();
    CountDownLatch all = new CountDownLatch(threads);
    AtomicInteger holding = new AtomicInteger();
    AtomicInteger probed = new AtomicInteger();
    for (int i = 0; i < threads; i++) {
      pool.execute(
          () -> {
            if (ContextStorage.stored() != null) {
              holding.incrementAndGet();
            }
            probed.incrementAndGet();
            all.countDown();
            await(all);
          });
    }
    assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(probed.get()).isEqualTo(threads);
    return holding.get();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
