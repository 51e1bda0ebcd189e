package dev.faultline.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Fault;
import dev.faultline.wire.JsonTree;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonSinkTest {

  private static List<String> lines(ByteArrayOutputStream out) {
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    return List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }

  private static String write(FaultRecord... records) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NdjsonSink sink = NdjsonSink.to(out);
    for (FaultRecord record : records) {
      sink.write(record);
    }
    sink.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheDocumentedMembersOfARecordOnOneLine() throws Exception {
    FaultRecord record =
        FaultRecord.of(FaultKind.DEAD_LETTER, Samples.chain(), new IllegalStateException(), "r#3")
            .withTime(Instant.parse("2026-03-01T09:30:00.123Z"))
            .withThread("worker-1");
    String line = write(record);

    assertThat(line).endsWith("}\n").containsOnlyOnce("\n");
    Map<String, Object> json = JsonTree.object(line.strip());
    assertThat(json)
        .containsEntry("time", "2026-03-01T09:30:00.123Z")
        .containsEntry("kind", "dead-letter")
        .containsEntry("service", "orders")
        .containsEntry("traceId", Samples.TRACE)
        .containsEntry("spanId", Samples.SPAN)
        .containsEntry("code", "INTERNAL")
        .containsEntry("reason", "RESERVATION_FAILED")
        .containsEntry("domain", "orders.example.com")
        .containsEntry("message", "Could not reserve stock")
        .containsEntry("instanceId", record.fault().instanceId())
        .containsEntry("exception", "java.lang.IllegalStateException")
        .containsEntry("thread", "worker-1")
        .containsEntry("task", "r#3")
        .containsEntry("metadata", Map.of("order", "o-7"));
  }

  @Test
  void writesTheCausesNearestFirstAsInProblemJson() throws Exception {
    Map<String, Object> json = JsonTree.object(write(Samples.bare("x")).strip());
    assertThat(json).doesNotContainKey("causes");

    Fault chain = Samples.chain();
    json = JsonTree.object(write(FaultRecord.of(FaultKind.CLIENT, chain, null, null)));
    assertThat(json.get("causes"))
        .isEqualTo(
            List.of(
                Map.of(
                    "service", "inventory",
                    "code", "NOT_FOUND",
                    "reason", "SKU_NOT_FOUND",
                    "domain", "inventory.example.com",
                    "message", "No such SKU: 42",
                    "metadata", Map.of("sku", "42"),
                    "instanceId", chain.cause().instanceId()),
                Map.of(
                    "service", "warehouse",
                    "code", "UNAVAILABLE",
                    "reason", "BACKEND_DOWN",
                    "message", "Warehouse is down",
                    "instanceId", chain.cause().cause().instanceId())));
  }

  @Test
  void marksTheLineTruncatedWhenAnyFaultOfTheChainWasCutAsProblemJsonDoes() throws Exception {
    Fault chain = Samples.chain();
    Fault cut = chain.withCause(chain.cause().toBuilder().truncated(true).build());

    assertThat(JsonTree.object(write(FaultRecord.of(FaultKind.CLIENT, chain, null, null))))
        .doesNotContainKey("truncated");
    assertThat(JsonTree.object(write(FaultRecord.of(FaultKind.CLIENT, cut, null, null))))
        .containsEntry("truncated", true);
  }

  @Test
  void neverWritesTheExceptionsOwnText() throws Exception {
    String line = write(FaultRecord.of(FaultKind.UNCAUGHT, Samples.chain(), null, null));

    assertThat(line).doesNotContain("hunter2").doesNotContain("exceptionMessage");
    assertThat(JsonTree.object(line)).containsEntry("exception", "java.lang.IllegalStateException");
  }

  @Test
  void omitsAbsentMembers() throws Exception {
    Map<String, Object> json = JsonTree.object(write(Samples.bare("plain")));

    assertThat(json.keySet())
        .containsExactly("time", "kind", "code", "message", "instanceId", "thread");
  }

  @Test
  void keepsEveryRecordOnItsOwnLineWhateverItsText() throws Exception {
    List<String> texts =
        List.of(
            "line\nbreak\r\nand\u0000nul\u001b[31m\u2028\u2029\u0085",
            "unpaired high \uD800 in the middle",
            "unpaired low \uDC00",
            "ends in a high surrogate \uD83D",
            "\"quoted\" \\ backslash }{ ][");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NdjsonSink sink = NdjsonSink.to(out);
    for (String text : texts) {
      FaultRecord record =
          FaultRecord.of(FaultKind.TASK, Samples.chain().withMessage(text), null, text);
      sink.write(record.withThread(text));
    }
    sink.flush();

    List<String> lines = lines(out);
    assertThat(lines).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Map<String, Object> json = JsonTree.object(lines.get(i));
      assertThat(json)
          .containsEntry("message", texts.get(i))
          .containsEntry("task", texts.get(i))
          .containsEntry("thread", texts.get(i));
    }
    StandardCharsets.UTF_8
        .newDecoder()
        .decode(java.nio.ByteBuffer.wrap(out.toByteArray())); // throws on malformed UTF-8
  }

  @Test
  void appendsToItsFileAndCreatesTheParentDirectories(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("logs/faults/journal.ndjson");
    for (String message : List.of("first", "second")) {
      NdjsonSink sink = NdjsonSink.toFile(file);
      sink.write(Samples.bare(message));
      sink.close();
    }

    assertThat(Files.readAllLines(file))
        .extracting(line -> JsonTree.object(line).get("message"))
        .containsExactly("first", "second");
  }

  @Test
  void holdsLinesUntilFlushedAndWritesThemWhole() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NdjsonSink sink = NdjsonSink.to(out);
    sink.write(Samples.bare("buffered"));
    assertThat(out.size()).isZero();

    for (int i = 0; i < 100; i++) {
      sink.write(Samples.bare("filler " + i));
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isNotEmpty().endsWith("\n");
  }

  @Test
  void failsFastWhenItsFileCannotBeOpened(@TempDir Path dir) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("plain"), "x");

    assertThatThrownBy(() -> NdjsonSink.toFile(notADirectory.resolve("journal.ndjson")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("journal.ndjson");
  }
}
