package dev.faultline.internal.foreign;

import org.jspecify.annotations.Nullable;

/**
 * A plain-text body, as Go's {@code http.Error} writes ({@code "404 page not found"}, with {@code
 * text/plain; charset=utf-8} and {@code X-Content-Type-Options: nosniff}) and many servers do. The
 * status decides; the message is the first line. Bytes that are not text, and JSON that no family
 * recognized, give no message.
 */
final class PlainText {
  private PlainText() {}

  static @Nullable Draft read(BoundedResponse r) {
    String type = r.header("content-type");
    if ((type != null && !RemoteText.startsWithIgnoreCase(type, "text/")) || r.json() != null) {
      return null;
    }
    String text = r.bodyText();
    String line = RemoteText.firstLine(text);
    if (line == null || line.indexOf('\uFFFD') >= 0) {
      return null;
    }
    boolean go =
        RemoteText.startsWithIgnoreCase(type == null ? "" : type, "text/plain; charset=utf-8")
            && r.headerContains("x-content-type-options", "nosniff");
    return new Draft(go ? "go-net-http" : "text").message(line);
  }
}
