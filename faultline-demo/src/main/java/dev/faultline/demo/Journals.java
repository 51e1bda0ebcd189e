package dev.faultline.demo;

import dev.faultline.Fault;
import dev.faultline.wire.ProblemJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the services' fault journals: one NDJSON file per service ({@code <service>.ndjson}), one
 * line per reported fault (docs/wire-format.md). A line is also a readable problem+json document,
 * so {@link ProblemJson#decode} gives back the fault with its chain of causes.
 */
final class Journals {
  private static final JsonFactory JSON = new JsonFactory();

  /** One reported fault: which journal, what kind, which trace and task, and the fault itself. */
  record Entry(
      String journal,
      String time,
      String kind,
      @Nullable String traceId,
      @Nullable String task,
      @Nullable String exception,
      Fault fault) {

    /** Whether the fault or any of its causes has this code. */
    boolean chainHas(dev.faultline.Code code) {
      for (Fault f = fault; f != null; f = f.cause()) {
        if (f.code() == code) {
          return true;
        }
      }
      return false;
    }
  }

  private final Path dir;

  Journals(Path dir) {
    this.dir = dir;
  }

  /** The journal file of {@code service}. */
  Path fileOf(String service) {
    return dir.resolve(service + ".ndjson");
  }

  /** Every complete line of every journal, oldest first. */
  List<Entry> all() throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return entries;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList()) {
        String journal = file.getFileName().toString().replace(".ndjson", "");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n'); // a line still being written is read next time
        for (String line : text.substring(0, end + 1).split("\n")) {
          if (!line.isBlank()) {
            entries.add(entry(journal, line));
          }
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::time));
    return entries;
  }

  /** The entries of one trace, oldest first. */
  List<Entry> ofTrace(String traceId) throws IOException {
    return all().stream().filter(e -> traceId.equals(e.traceId())).toList();
  }

  private static Entry entry(String journal, String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    Map<String, String> top = topLevelStrings(bytes);
    return new Entry(
        journal,
        top.getOrDefault("time", ""),
        top.getOrDefault("kind", "?"),
        top.get("traceId"),
        top.get("task"),
        top.get("exception"),
        ProblemJson.decode(bytes));
  }

  /** The string members of the line's top-level object (nested objects are skipped). */
  private static Map<String, String> topLevelStrings(byte[] line) {
    Map<String, String> members = new HashMap<>();
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return members;
      }
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          members.put(name, p.getString());
        } else {
          p.skipChildren();
        }
      }
    } catch (RuntimeException malformed) {
      // a malformed line keeps what was read before it broke
    }
    return members;
  }
}
