package dev.faultline.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class JfrSinkTest {

  @Test
  void commitsOneEventPerFaultWithEveryField(@TempDir Path dir) throws Exception {
    FaultJournal journal = FaultJournal.create(JfrSink.create());
    FaultRecord record =
        FaultRecord.of(FaultKind.LATE, Samples.chain(), new IllegalStateException(), "reserve#3")
            .withThread("request-7")
            .withTime(Instant.parse("2026-03-01T09:30:00.123Z"));
    Path file = dir.resolve("faults.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("dev.faultline.Fault");
      recording.start();
      journal.report(record);
      assertThat(journal.flush(Duration.ofSeconds(10))).isTrue();
      recording.stop();
      recording.dump(file);
    }

    List<RecordedEvent> events =
        RecordingFile.readAllEvents(file).stream()
            .filter(e -> e.getEventType().getName().equals("dev.faultline.Fault"))
            .collect(Collectors.toList());
    assertThat(events).hasSize(1);
    RecordedEvent event = events.get(0);
    assertThat(event.getEventType().getLabel()).isEqualTo("Faultline Fault");
    assertThat(event.getEventType().getCategoryNames()).containsExactly("Faultline");
    assertThat(event.getString("kind")).isEqualTo("late");
    assertThat(event.getString("code")).isEqualTo("INTERNAL");
    assertThat(event.getString("reason")).isEqualTo("RESERVATION_FAILED");
    assertThat(event.getString("domain")).isEqualTo("orders.example.com");
    assertThat(event.getString("message")).isEqualTo("Could not reserve stock");
    assertThat(event.getString("service")).isEqualTo("orders");
    assertThat(event.getString("traceId")).isEqualTo(Samples.TRACE);
    assertThat(event.getString("spanId")).isEqualTo(Samples.SPAN);
    assertThat(event.getString("instanceId")).isEqualTo(record.fault().instanceId());
    assertThat(event.getString("exception")).isEqualTo("java.lang.IllegalStateException");
    assertThat(event.getString("thread")).isEqualTo("request-7");
    assertThat(event.getString("task")).isEqualTo("reserve#3");
    assertThat(event.getInstant("reportTime")).isEqualTo(record.time());
  }

  @Test
  void registersItsEventTypeBeforeTheFirstFault() {
    JfrSink.create();

    assertThat(FlightRecorder.getFlightRecorder().getEventTypes())
        .extracting(EventType::getName)
        .contains("dev.faultline.Fault");
  }

  @Test
  void commitsNothingWhenTheRecordingDisablesTheEvent(@TempDir Path dir) throws Exception {
    JfrSink sink = JfrSink.create();
    Path file = dir.resolve("none.jfr");
    try (Recording recording = new Recording()) {
      recording.disable("dev.faultline.Fault");
      recording.enable("jdk.JavaMonitorWait"); // something, so the file is a valid recording
      recording.start();
      sink.write(Samples.bare("nobody records this"));
      recording.stop();
      recording.dump(file);
    }

    assertThat(RecordingFile.readAllEvents(file))
        .noneMatch(e -> e.getEventType().getName().equals("dev.faultline.Fault"));
  }
}
