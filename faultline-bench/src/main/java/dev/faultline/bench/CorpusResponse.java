package dev.faultline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One response of the foreign error corpus ({@code ../shared/corpus/foreign-errors} from the
 * repository root, or the directory the system property {@code faultline.corpus.foreignErrors}
 * names): the status, the headers and the body bytes of an HTTP/1.1 response file.
 */
public final class CorpusResponse {
  /** The system property that points at the corpus. */
  public static final String PROPERTY = "faultline.corpus.foreignErrors";

  final String name;
  final int status;
  final Map<String, List<String>> headers;
  final byte[] body;

  private CorpusResponse(String name, int status, Map<String, List<String>> headers, byte[] body) {
    this.name = name;
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** Every {@code .http} file of the corpus, in name order. */
  public static List<CorpusResponse> all() throws IOException {
    Path dir = directory();
    List<CorpusResponse> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        if (file.getFileName().toString().endsWith(".http")) {
          all.add(parse(file.getFileName().toString(), Files.readAllBytes(file)));
        }
      }
    }
    if (all.isEmpty()) {
      throw new IllegalStateException("no .http files in " + dir);
    }
    return all;
  }

  /** The corpus directory: the property, else {@code ../shared/…} from here or a parent. */
  static Path directory() {
    String override = System.getProperty(PROPERTY);
    if (override != null) {
      return Paths.get(override);
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/corpus/foreign-errors").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "The foreign error corpus is missing: run from the repository root with ../shared beside"
            + " it, or set -D"
            + PROPERTY);
  }

  static CorpusResponse parse(String name, byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    int bodyStart = end + 4;
    if (end < 0) {
      end = indexOf(raw, "\n\n".getBytes(StandardCharsets.US_ASCII));
      bodyStart = end + 2;
    }
    String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r?\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    return new CorpusResponse(
        name, status, headers, Arrays.copyOfRange(raw, bodyStart, raw.length));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The file name, for messages. */
  @Override
  public String toString() {
    return name;
  }
}
