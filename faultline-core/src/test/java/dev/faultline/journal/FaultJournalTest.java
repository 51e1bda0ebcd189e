package dev.faultline.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FaultJournalTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void writesEveryReportedFaultToEverySinkInOrder() {
    MemorySink first = MemorySink.withCapacity(10);
    MemorySink second = MemorySink.withCapacity(10);
    FaultJournal journal = FaultJournal.create(first, second);

    journal.report(FaultKind.UNOBSERVED, Samples.chain(), new IllegalStateException(), "reindex");
    journal.report(Samples.bare("second"));

    assertThat(journal.flush(WAIT)).isTrue();
    assertThat(first.records()).isEqualTo(second.records()).hasSize(2);
    FaultRecord record = first.records().get(0);
    assertThat(record.kind()).isEqualTo(FaultKind.UNOBSERVED);
    assertThat(record.task()).isEqualTo("reindex");
    assertThat(record.thread()).isEqualTo(Thread.currentThread().getName());
    assertThat(first.records().get(1).fault().message()).isEqualTo("second");
    assertThat(journal.reported()).isEqualTo(2);
    assertThat(journal.dropped()).isZero();
  }

  @Test
  void writesOnItsOwnDaemonThreadNeverOnTheReporters() {
    AtomicReference<Thread> writer = new AtomicReference<>();
    FaultJournal journal = FaultJournal.create(record -> writer.set(Thread.currentThread()));

    journal.report(Samples.bare("x"));

    assertThat(journal.flush(WAIT)).isTrue();
    assertThat(writer.get()).isNotSameAs(Thread.currentThread());
    assertThat(writer.get().getName()).isEqualTo("faultline-journal");
    assertThat(writer.get().isDaemon()).isTrue();
  }

  @Test
  void keepsWritingToTheOtherSinksWhenOneThrows() {
    MemorySink memory = MemorySink.withCapacity(10);
    JournalSink broken =
        new JournalSink() {
          @Override
          public void write(FaultRecord record) {
            throw new IllegalStateException("disk full");
          }

          @Override
          public void flush() throws Exception {
            throw new java.io.IOException("still full");
          }
        };
    FaultJournal journal = FaultJournal.create(broken, memory);

    journal.report(Samples.bare("one"));
    journal.report(Samples.bare("two"));

    assertThat(journal.flush(WAIT)).isTrue();
    assertThat(memory.records()).hasSize(2);
    assertThat(journal.sinkFailures()).isGreaterThanOrEqualTo(3); // two writes, at least one flush
  }

  @Test
  void reportReturnsPromptlyAndCountsTheOverflowWhileASinkIsBlocked() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    MemorySink memory = MemorySink.withCapacity(100);
    JournalSink blocked =
        record -> {
          entered.countDown();
          release.await();
        };
    FaultJournal journal = FaultJournal.create(16, blocked, memory);
    try {
      journal.report(Samples.bare("taken by the dispatcher"));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> {
            for (int i = 0; i < 16 + 10; i++) {
              journal.report(FaultKind.TASK, Fault.of(Code.INTERNAL, "r" + i), null, "t" + i);
            }
          });

      assertThat(journal.dropped()).isEqualTo(10);
      assertThat(journal.reported()).isEqualTo(17);
      assertThat(journal.flush(Duration.ofMillis(50))).isFalse();
    } finally {
      release.countDown();
    }
    assertThat(journal.flush(WAIT)).isTrue();
    assertThat(memory.records()).hasSize(17);
    assertThat(memory.records().get(16).task()).isEqualTo("t15");
  }

  @Test
  void reportNeverThrowsNotEvenForNullsOrOddText() {
    MemorySink memory = MemorySink.withCapacity(10);
    FaultJournal journal =
        FaultJournal.create(memory, NdjsonSink.to(new java.io.ByteArrayOutputStream()));
    Fault odd =
        Fault.of(Code.INTERNAL, "\uD800\u0000\n\u202E odd")
            .withMetadata("odd\u0000key", "\uDFFF\n");

    assertThatCode(
            () -> {
              journal.report(nothing(), nothing(), null, null);
              journal.report(FaultKind.TASK, nothing(), new Error(), "t");
              journal.report(nothing());
              journal.report(FaultKind.SERVER, odd, null, "\u0000");
            })
        .doesNotThrowAnyException();
    assertThat(journal.flush(WAIT)).isTrue();
    assertThat(memory.records()).singleElement().extracting(FaultRecord::fault).isEqualTo(odd);
    assertThat(journal.sinkFailures()).isZero();
  }

  @Test
  void keepsDeliveringAfterItsThreadIsInterruptedAndEnds() throws Exception {
    MemorySink memory = MemorySink.withCapacity(10);
    FaultJournal journal = FaultJournal.create(memory);
    journal.report(Samples.bare("before"));
    assertThat(journal.flush(WAIT)).isTrue();
    Thread first = journal.dispatcherThread();
    assertThat(first).isNotNull();

    first.interrupt(); // as a container does when it stops an application's threads
    first.join(10_000);
    assertThat(first.isAlive()).isFalse();

    journal.report(Samples.bare("after"));
    assertThat(memory.await(2, WAIT))
        .extracting(r -> r.fault().message())
        .containsExactly("before", "after");
    assertThat(journal.dispatcherThread()).isNotSameAs(first);
  }

  @Test
  void stopsWritingToARemovedSink() {
    MemorySink kept = MemorySink.withCapacity(10);
    MemorySink removed = MemorySink.withCapacity(10);
    FaultJournal journal = FaultJournal.create(kept).addSink(removed);
    assertThat(journal.sinks()).containsExactly(kept, removed);

    assertThat(journal.removeSink(removed)).isTrue();
    journal.report(Samples.bare("x"));

    assertThat(journal.flush(WAIT)).isTrue();
    assertThat(kept.records()).hasSize(1);
    assertThat(removed.records()).isEmpty();
    assertThat(journal.removeSink(removed)).isFalse();
  }

  @Test
  void flushReturnsAtOnceWhenNothingWasReported() {
    assertThat(FaultJournal.create().flush(Duration.ZERO)).isTrue();
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThatThrownBy(() -> FaultJournal.create(0, MemorySink.withCapacity(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }

  @Test
  void aSinkThatFlushesItsOwnJournalDoesNotWaitForItself() {
    FaultJournal[] self = new FaultJournal[1];
    List<Boolean> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    self[0] = FaultJournal.create(record -> answers.add(self[0].flush(WAIT)));

    self[0].report(Samples.bare("x"));

    assertThat(self[0].flush(WAIT)).isTrue();
    assertThat(answers).containsExactly(false);
  }

  /** A null where the API says there is none, as a careless caller may pass. */
  private static <T> T nothing() {
    return null;
  }
}
