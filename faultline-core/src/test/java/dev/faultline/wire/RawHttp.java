package dev.faultline.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A raw HTTP/1.1 response as the corpus stores it: status line, headers (CRLF), body. */
record RawHttp(int status, Map<String, List<String>> headers, byte[] body) {
  /** Parses {@code bytes}; repeated header names keep every value, the body is Content-Length. */
  static RawHttp parse(byte[] bytes) {
    int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (headEnd < 0) {
      throw new IllegalArgumentException("no blank line after the headers");
    }
    String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n", -1);
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      throw new IllegalArgumentException("bad status line: " + lines[0]);
    }
    int status = Integer.parseInt(statusLine[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon);
      headers
          .computeIfAbsent(name, n -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    int start = headEnd + 4;
    int length = contentLength(headers, bytes.length - start);
    return new RawHttp(status, headers, Arrays.copyOfRange(bytes, start, start + length));
  }

  /** The first value of a header, any case; null when absent. */
  String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  private static int contentLength(Map<String, List<String>> headers, int available) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase("content-length")) {
        int length = Integer.parseInt(e.getValue().get(0));
        if (length > available) {
          throw new IllegalArgumentException("body shorter than Content-Length " + length);
        }
        return length;
      }
    }
    return available;
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
}
