package dev.faultline.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class FaultJournalConcurrencyTest {
  private static final int THREADS = 8;
  private static final int EACH = 1000;

  @RepeatedTest(3)
  void losesNoRecordWhenManyThreadsReportWithinCapacity() throws Exception {
    MemorySink memory = MemorySink.withCapacity(THREADS * EACH);
    FaultJournal journal = FaultJournal.create(THREADS * EACH, memory);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> reporters = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String name = "reporter-" + t;
      Thread reporter =
          new Thread(
              () -> {
                awaitQuietly(start);
                for (int i = 0; i < EACH; i++) {
                  journal.report(Samples.bare(name + "/" + i));
                  if (i % 100 == 0) {
                    Thread.yield(); // let the dispatcher go idle and wake up again
                  }
                }
              },
              name);
      reporters.add(reporter);
      reporter.start();
    }
    start.countDown();
    for (Thread reporter : reporters) {
      reporter.join();
    }

    assertThat(journal.flush(Duration.ofSeconds(30))).isTrue();
    assertThat(journal.dropped()).isZero();
    assertThat(journal.reported()).isEqualTo(THREADS * EACH);
    Set<String> messages = new HashSet<>();
    memory.records().forEach(r -> messages.add(r.fault().message()));
    assertThat(messages).hasSize(THREADS * EACH);
  }

  @RepeatedTest(3)
  void flushSeesEveryRecordItsThreadReportedBeforeIt() {
    MemorySink memory = MemorySink.withCapacity(10);
    FaultJournal journal = FaultJournal.create(memory);
    for (int i = 0; i < 200; i++) {
      journal.report(Samples.bare("m" + i));
      assertThat(journal.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(memory.total()).isEqualTo(i + 1);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
