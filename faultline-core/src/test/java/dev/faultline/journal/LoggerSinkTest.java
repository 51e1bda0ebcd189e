package dev.faultline.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LoggerSinkTest {

  /** A System.Logger that keeps what it is asked to log, at every level or none. */
  static final class RecordingLogger implements System.Logger {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Level> levels = new CopyOnWriteArrayList<>();
    private final boolean enabled;

    RecordingLogger(boolean enabled) {
      this.enabled = enabled;
    }

    @Override
    public String getName() {
      return "recording";
    }

    @Override
    public boolean isLoggable(Level level) {
      return enabled;
    }

    @Override
    public void log(
        Level level, @Nullable ResourceBundle bundle, @Nullable String msg, @Nullable Throwable t) {
      levels.add(level);
      lines.add(String.valueOf(msg));
    }

    @Override
    public void log(
        Level level, @Nullable ResourceBundle bundle, @Nullable String format, Object... params) {
      levels.add(level);
      lines.add(String.valueOf(format));
    }

    @Override
    public void log(Level level, Supplier<String> supplier) {
      log(level, (ResourceBundle) null, supplier.get(), (Throwable) null);
    }
  }

  @Test
  void logsOneLineWithKindServiceCodeReasonMessageTraceAndTaskThenTheChain() {
    RecordingLogger logger = new RecordingLogger(true);
    Fault fault = Samples.chain();

    LoggerSink.to(logger).write(FaultRecord.of(FaultKind.UNOBSERVED, fault, null, "reserve#3"));

    assertThat(logger.levels).containsExactly(Level.ERROR);
    String[] lines = logger.lines.get(0).split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "fault unobserved [orders] INTERNAL RESERVATION_FAILED \"Could not reserve stock\""
                + " trace="
                + Samples.TRACE
                + " task=reserve#3 exception=java.lang.IllegalStateException instance="
                + fault.instanceId());
    assertThat(lines)
        .contains(
            "orders: INTERNAL RESERVATION_FAILED (orders.example.com) \"Could not reserve stock\"",
            "   └─ warehouse: UNAVAILABLE BACKEND_DOWN \"Warehouse is down\"");
    assertThat(logger.lines.get(0)).doesNotContain("hunter2");
  }

  @Test
  void warnsForAFaultThatWasSeenElsewhereAndIsNoBug() {
    RecordingLogger logger = new RecordingLogger(true);
    LoggerSink sink = LoggerSink.to(logger);

    sink.write(FaultRecord.of(FaultKind.CLIENT, Fault.of(Code.NOT_FOUND, "gone"), null, null));
    sink.write(FaultRecord.of(FaultKind.SERVER, Fault.of(Code.INTERNAL, "bug"), null, null));
    sink.write(FaultRecord.of(FaultKind.DEAD_LETTER, Fault.of(Code.ABORTED, "x"), null, null));

    assertThat(logger.levels).containsExactly(Level.WARNING, Level.ERROR, Level.ERROR);
    assertThat(logger.lines.get(0)).startsWith("fault client NOT_FOUND \"gone\" instance=");
  }

  @Test
  void logsAServersAnswerThatBlamesItsCallerAtDebugAndAServersOwnTroubleAtWarning() {
    RecordingLogger logger = new RecordingLogger(true);
    LoggerSink sink = LoggerSink.to(logger);

    sink.write(FaultRecord.of(FaultKind.SERVER, Fault.of(Code.NOT_FOUND, "No such"), null, null));
    sink.write(FaultRecord.of(FaultKind.SERVER, Fault.of(Code.UNAVAILABLE, "Busy"), null, null));

    assertThat(logger.levels).containsExactly(Level.DEBUG, Level.WARNING);
  }

  @Test
  void logsNothingWhenItsLevelIsOff() {
    RecordingLogger logger = new RecordingLogger(false);

    LoggerSink.to(logger).write(Samples.bare("quiet"));

    assertThat(logger.lines).isEmpty();
  }

  @Test
  void writesToTheJournalLoggerByDefault() throws Exception {
    FaultJournal journal = FaultJournal.create(LoggerSink.create());

    journal.report(Samples.bare("to dev.faultline.journal"));

    assertThat(journal.flush(java.time.Duration.ofSeconds(10))).isTrue();
    assertThat(journal.sinkFailures()).isZero();
    assertThat(LoggerSink.LOGGER_NAME).isEqualTo("dev.faultline.journal");
  }
}
