package dev.faultline.wire;

import dev.faultline.Fault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds responses for tests: a status, a body and header name/value pairs. */
final class Responses {
  private Responses() {}

  /** Decodes a response whose headers are given as alternating names and values. */
  static Fault decode(int status, String body, String... headerPairs) {
    return ForeignErrors.decode(
        status, headers(headerPairs), body.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, List<String>> headers(String... pairs) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      headers.computeIfAbsent(pairs[i], n -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return headers;
  }

  /** Single quotes to double quotes, so JSON reads well in Java strings. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
