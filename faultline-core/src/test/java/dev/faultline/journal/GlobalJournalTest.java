package dev.faultline.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.wire.JsonTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(90)
class GlobalJournalTest {

  @Test
  void isOneJournalWritingToTheLoggerAndToJfr() {
    assertThat(FaultJournal.global()).isSameAs(FaultJournal.global());
    assertThat(FaultJournal.global().sinks())
        .hasAtLeastOneElementOfType(LoggerSink.class)
        .hasAtLeastOneElementOfType(JfrSink.class);
  }

  @Test
  void addsAnNdjsonFileWhenTheSettingNamesOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("new/dir/journal.ndjson");

    JournalSink[] sinks = GlobalJournal.defaultSinks(" " + file + " ");

    assertThat(sinks).hasSize(3).hasAtLeastOneElementOfType(NdjsonSink.class);
    assertThat(file).exists();
  }

  @Test
  void skipsAFileThatCannotBeOpenedWithoutThrowing(@TempDir Path dir) throws Exception {
    Path plainFile = Files.writeString(dir.resolve("plain"), "x");

    JournalSink[] sinks =
        GlobalJournal.defaultSinks(plainFile.resolve("journal.ndjson").toString());

    assertThat(sinks).hasSize(2).doesNotHaveAnyElementsOfTypes(NdjsonSink.class);
    assertThat(GlobalJournal.defaultSinks("\u0000bad")).hasSize(2);
    assertThat(GlobalJournal.defaultSinks(" ")).hasSize(2);
  }

  @Test
  void writesAFaultReportedJustBeforeTheProcessExits(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("journal.ndjson");
    Path output = dir.resolve("child-output.txt");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dfaultline.journal=" + journal,
                ReportAndExit.class.getName(),
                "reported at exit")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exits").isTrue();
      assertThat(child.exitValue()).as(Files.readString(output)).isZero();
    } finally {
      child.destroyForcibly();
    }

    List<String> lines = Files.readAllLines(journal);
    assertThat(lines).as(Files.readString(output)).hasSize(1);
    Map<String, Object> json = JsonTree.object(lines.get(0));
    assertThat(json)
        .containsEntry("kind", "uncaught")
        .containsEntry("service", "child")
        .containsEntry("code", "DATA_LOSS")
        .containsEntry("message", "reported at exit")
        .containsEntry("thread", "main")
        .containsEntry("task", "exit");
  }
}
