package dev.faultline.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The shared corpus of foreign error responses ({@code ../../shared/corpus/foreign-errors} from the
 * module directory, or {@code -Dfaultline.corpus.foreignErrors}), read raw: status, headers, body
 * exactly as the framework put them on the wire.
 */
final class ForeignCorpus {
  static final String PROPERTY = "faultline.corpus.foreignErrors";

  /** One response of the corpus. */
  record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {}

  private ForeignCorpus() {}

  static Path directory() {
    String override = System.getProperty(PROPERTY);
    Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
    Path dir =
        override != null
            ? Paths.get(override)
            : base.resolve("../../shared/corpus/foreign-errors").normalize();
    if (!Files.isRegularFile(dir.resolve("expected.tsv"))) {
      throw new IllegalStateException(
          "The foreign error corpus is missing at " + dir.toAbsolutePath() + "; set -D" + PROPERTY);
    }
    return dir;
  }

  /** The code {@code expected.tsv} gives for {@code file}. */
  static String expectedCode(String file) {
    try {
      for (String line : Files.readAllLines(directory().resolve("expected.tsv"))) {
        String[] cells = line.split("\t");
        if (cells.length >= 3 && cells[0].equals(file)) {
          return cells[2].strip();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("not in expected.tsv: " + file);
  }

  static Response read(String file) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(directory().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, headEnd).split("\r\n");
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
    }
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    return new Response(status, headers, Arrays.copyOfRange(raw, headEnd + 4, raw.length));
  }
}
