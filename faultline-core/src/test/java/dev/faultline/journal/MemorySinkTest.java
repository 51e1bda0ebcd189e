package dev.faultline.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MemorySinkTest {

  @Test
  void keepsTheLastRecordsOfItsCapacityAndCountsThemAll() {
    MemorySink sink = MemorySink.withCapacity(3);
    for (int i = 0; i < 5; i++) {
      sink.write(Samples.bare("m" + i));
    }

    assertThat(sink.records())
        .extracting(r -> r.fault().message())
        .containsExactly("m2", "m3", "m4");
    assertThat(sink.total()).isEqualTo(5);
    sink.clear();
    assertThat(sink.records()).isEmpty();
    assertThat(sink.total()).isEqualTo(5);
  }

  @Test
  void awaitReturnsOnceEnoughRecordsArrive() throws Exception {
    MemorySink sink = MemorySink.withCapacity(10);
    FaultJournal journal = FaultJournal.create(sink);
    Thread reporter =
        new Thread(
            () -> {
              for (int i = 0; i < 3; i++) {
                journal.report(Samples.bare("m" + i));
              }
            });
    reporter.start();

    assertThat(sink.await(3, Duration.ofSeconds(20))).hasSize(3);
    reporter.join();
  }

  @Test
  void awaitReturnsWhatIsThereWhenTheTimeoutPasses() {
    MemorySink sink = MemorySink.withCapacity(10);
    sink.write(Samples.bare("only"));

    assertThat(sink.await(2, Duration.ofMillis(50))).hasSize(1);
  }

  @Test
  void refusesToAwaitMoreThanItCanKeep() {
    assertThatThrownBy(() -> MemorySink.withCapacity(2).await(3, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity 2");
    assertThatThrownBy(() -> MemorySink.withCapacity(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
