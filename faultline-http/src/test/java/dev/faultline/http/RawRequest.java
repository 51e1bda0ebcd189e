package dev.faultline.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A request written byte for byte on a bare socket, so a test controls what no HTTP client lets it
 * send: the casing of header names, repeated headers, blanks around values.
 */
final class RawRequest {
  private RawRequest() {}

  /**
   * Sends {@code GET path} with the given header lines ({@code "name: value"}, as written) and
   * returns the status code of the answer, read to its end.
   */
  static int get(int port, String path, String... headerLines) throws IOException {
    StringBuilder request = new StringBuilder();
    request.append("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      if (!answer.startsWith("HTTP/1.1 ")) {
        throw new IOException("not an HTTP answer: " + answer);
      }
      return Integer.parseInt(answer.substring(9, 12));
    }
  }
}
