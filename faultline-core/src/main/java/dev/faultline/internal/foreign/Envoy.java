package dev.faultline.internal.foreign;

import dev.faultline.Code;
import org.jspecify.annotations.Nullable;

/**
 * Envoy's (and so Istio's) local replies, plain text such as {@code "upstream connect error or
 * disconnect/reset before headers. …"}, {@code "no healthy upstream"} or {@code "upstream request
 * timeout"}. Recognized by the text itself, or by {@code server: envoy} or an {@code x-envoy-*}
 * header on a body that is not JSON (Envoy also stamps the responses of upstream services, which
 * the JSON families read first).
 */
final class Envoy {
  private Envoy() {}

  private record Reply(String prefix, String appCode, @Nullable Code code) {}

  private static final Reply[] REPLIES = {
    new Reply("upstream connect error or disconnect/reset before headers", "upstream_reset", null),
    new Reply("no healthy upstream", "no_healthy_upstream", Code.UNAVAILABLE),
    new Reply("upstream request timeout", "upstream_request_timeout", Code.DEADLINE_EXCEEDED),
    new Reply("local_rate_limited", "local_rate_limited", Code.RESOURCE_EXHAUSTED),
    new Reply("upstream overflow", "upstream_overflow", Code.UNAVAILABLE),
  };

  static @Nullable Draft read(BoundedResponse r) {
    if (r.json() != null) {
      return null;
    }
    String text = r.bodyText();
    for (Reply reply : REPLIES) {
      if (RemoteText.startsWithIgnoreCase(text, reply.prefix())) {
        Code code = reply.code();
        return draft(text)
            .code(code != null ? code : r.status() >= 500 ? Code.UNAVAILABLE : null)
            .appCode(reply.appCode());
      }
    }
    boolean envoy = r.headerContains("server", "envoy") || r.hasHeaderStartingWith("x-envoy-");
    return envoy && !Html.looksLike(text) ? draft(text) : null;
  }

  private static Draft draft(String text) {
    return new Draft("envoy").domain("envoyproxy.io").message(RemoteText.firstLine(text));
  }
}
