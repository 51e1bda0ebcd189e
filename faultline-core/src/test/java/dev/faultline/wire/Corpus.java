package dev.faultline.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared corpus of foreign error responses: {@code <repo>/../shared/corpus/foreign-errors},
 * found from the Maven module directory, or wherever the system property {@code
 * faultline.corpus.foreignErrors} says.
 */
final class Corpus {
  static final String PROPERTY = "faultline.corpus.foreignErrors";

  private Corpus() {}

  static Path directory() {
    String override = System.getProperty(PROPERTY);
    Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
    Path dir =
        override != null
            ? Paths.get(override)
            : base.resolve("../../shared/corpus/foreign-errors").normalize();
    if (!Files.isRegularFile(dir.resolve("expected.tsv"))) {
      throw new IllegalStateException(
          "The foreign error corpus is missing at "
              + dir.toAbsolutePath()
              + "; check out shared/ next to the repository or set -D"
              + PROPERTY
              + "=<dir>");
    }
    return dir;
  }

  /** File name to expected code name, from {@code expected.tsv}. */
  static Map<String, String> expected() {
    Map<String, String> expected = new LinkedHashMap<>();
    List<String> lines = lines(directory().resolve("expected.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        String[] cells = line.split("\t");
        expected.put(cells[0], cells[2].strip());
      }
    }
    return expected;
  }

  static RawHttp response(String file) {
    try {
      return RawHttp.parse(Files.readAllBytes(directory().resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> httpFiles() {
    try (var files = Files.list(directory())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".http"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
