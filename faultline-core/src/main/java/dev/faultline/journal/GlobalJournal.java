package dev.faultline.journal;

import dev.faultline.internal.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Makes the process-wide journal on first use (holder idiom) and flushes it at exit. */
final class GlobalJournal {
  /** The setting that names the NDJSON file of the global journal. */
  static final String FILE_SETTING = "faultline.journal";

  static final Duration EXIT_FLUSH = Duration.ofSeconds(1);

  static final FaultJournal INSTANCE = make();

  private GlobalJournal() {}

  private static FaultJournal make() {
    FaultJournal journal = FaultJournal.create(defaultSinks(Settings.get(FILE_SETTING)));
    try {
      Thread hook = new Thread(() -> journal.flush(EXIT_FLUSH), "faultline-journal-exit");
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (RuntimeException e) { // shutdown already in progress, or not permitted
      Quiet.warnOnce("journal.hook", "Faultline journal will not be flushed at exit", e);
    }
    return journal;
  }

  /** A logger, JFR when the runtime has it, and the NDJSON file when {@code file} names one. */
  static JournalSink[] defaultSinks(@Nullable String file) {
    List<JournalSink> sinks = new ArrayList<>(3);
    try {
      sinks.add(LoggerSink.create());
    } catch (RuntimeException | LinkageError e) { // a broken System.LoggerFinder
      Quiet.warnOnce("journal.logger", "Faultline journal writes to no logger", e);
    }
    try {
      sinks.add(JfrSink.create());
    } catch (LinkageError | RuntimeException e) { // a runtime image without jdk.jfr
      Quiet.warnOnce("journal.jfr", "Faultline journal writes no JFR events", e);
    }
    if (file != null && !file.isBlank()) {
      try {
        sinks.add(NdjsonSink.toFile(Path.of(file.strip())));
      } catch (RuntimeException e) {
        Quiet.warnOnce(
            "journal.file",
            "Faultline journal cannot write to " + FILE_SETTING + "=" + file + "; skipping it",
            e);
      }
    }
    return sinks.toArray(new JournalSink[0]);
  }
}
