package dev.faultline.internal.foreign;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code google.rpc} detail messages that Google APIs and grpc-gateway put in {@code
 * details[]} (as JSON with an {@code @type}): ErrorInfo (reason, domain, metadata), RetryInfo,
 * RequestInfo, ResourceInfo and BadRequest.
 */
final class GoogleDetails {
  private GoogleDetails() {}

  static void apply(@Nullable List<Object> details, Draft d) {
    if (details == null) {
      return;
    }
    for (Object detail : details) {
      String type = Nodes.string(detail, "@type");
      if (type == null) {
        continue;
      }
      if (type.endsWith("google.rpc.ErrorInfo")) {
        errorInfo(detail, d);
      } else if (type.endsWith("google.rpc.RetryInfo")) {
        d.retryAfter = delay(Nodes.object(detail), "retryDelay");
      } else if (type.endsWith("google.rpc.RequestInfo")) {
        d.requestId = RemoteText.clean(Nodes.string(detail, "requestId"), 128);
      } else if (type.endsWith("google.rpc.ResourceInfo")) {
        d.meta("resourceType", Nodes.string(detail, "resourceType"));
        d.meta("resourceName", Nodes.string(detail, "resourceName"));
      } else if (type.endsWith("google.rpc.BadRequest")) {
        d.meta("violations", Violations.summary(Nodes.list(detail, "fieldViolations")));
      }
    }
  }

  private static void errorInfo(Object info, Draft d) {
    d.reason(Nodes.string(info, "reason")).domain(Nodes.string(info, "domain"));
    Map<String, Object> metadata = Nodes.object(info, "metadata");
    if (metadata != null) {
      metadata.forEach((k, v) -> d.meta(k, v instanceof String ? v : null));
    }
  }

  /** A protobuf JSON Duration ({@code "1.5s"}) or {@code {seconds, nanos}}, or null. */
  static @Nullable Duration delay(@Nullable Map<String, Object> parent, String name) {
    String text = Nodes.string(parent, name);
    if (text != null && text.endsWith("s") && text.length() <= 24) {
      try {
        double seconds = Double.parseDouble(text.substring(0, text.length() - 1));
        if (seconds >= 0 && seconds < 1e9) {
          return Duration.ofMillis((long) (seconds * 1000));
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    Map<String, Object> object = Nodes.object(parent, name);
    Integer seconds = Nodes.intOrDigits(object, "seconds");
    return seconds == null ? null : Duration.ofSeconds(seconds);
  }
}
