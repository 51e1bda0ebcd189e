package dev.faultline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import java.time.Duration;
import java.util.List;

/** A fault journal of its own for one test class, and the waits its assertions need. */
final class Recorder {
  final MemorySink memory = MemorySink.withCapacity(64);
  final FaultJournal journal = FaultJournal.create(memory);

  /**
   * The one record reported; fails when none arrives within 5 s, or when a second one arrives
   * within a further 300 ms.
   */
  FaultRecord single() {
    assertThat(memory.await(1, Duration.ofSeconds(5))).as("records").isNotEmpty();
    List<FaultRecord> records = memory.await(2, Duration.ofMillis(300));
    assertThat(records).as("records").hasSize(1);
    return records.get(0);
  }

  /** Every record reported so far, once written. */
  List<FaultRecord> settled() {
    assertThat(journal.flush(Duration.ofSeconds(5))).isTrue();
    return memory.records();
  }

  /** Forgets every record so far, after a warm-up whose records no test looks at. */
  void clear() {
    memory.clear();
  }
}
