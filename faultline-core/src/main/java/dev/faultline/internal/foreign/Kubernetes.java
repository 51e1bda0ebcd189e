package dev.faultline.internal.foreign;

import dev.faultline.Code;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Kubernetes API server's {@code Status} object: {@code {"kind": "Status", "reason":
 * "NotFound", "details": {...}, "code": 404}}. The code comes from {@code reason} (a {@code
 * metav1.StatusReason}); {@code Conflict} is {@code ABORTED}, {@code AlreadyExists} is {@code
 * ALREADY_EXISTS}.
 */
final class Kubernetes {
  private Kubernetes() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> root = Nodes.object(r.json());
    if (!"Status".equals(Nodes.string(root, "kind"))) {
      return null;
    }
    String reason = Nodes.string(root, "reason");
    Map<String, Object> details = Nodes.object(root, "details");
    Draft d =
        new Draft("kubernetes")
            .code(codeOf(reason))
            .appCode(reason)
            .domain("k8s.io")
            .message(Nodes.string(root, "message"))
            .meta("kind", Nodes.string(details, "kind"))
            .meta("name", Nodes.string(details, "name"))
            .meta("group", Nodes.string(details, "group"))
            .meta("causes", Violations.summary(Nodes.list(details, "causes")));
    Integer retry = Nodes.integer(details, "retryAfterSeconds");
    d.retryAfter = retry == null || retry < 0 ? null : Duration.ofSeconds(retry);
    return d;
  }

  private static @Nullable Code codeOf(@Nullable String reason) {
    if (reason == null) {
      return null;
    }
    return switch (reason) {
      case "NotFound" -> Code.NOT_FOUND;
      case "AlreadyExists" -> Code.ALREADY_EXISTS;
      case "Conflict" -> Code.ABORTED;
      case "Invalid", "BadRequest" -> Code.INVALID_ARGUMENT;
      case "Forbidden" -> Code.PERMISSION_DENIED;
      case "Unauthorized" -> Code.UNAUTHENTICATED;
      case "Timeout" -> Code.DEADLINE_EXCEEDED;
      case "ServerTimeout", "ServiceUnavailable" -> Code.UNAVAILABLE;
      case "TooManyRequests" -> Code.RESOURCE_EXHAUSTED;
      case "InternalError" -> Code.INTERNAL;
      case "MethodNotAllowed" -> Code.UNIMPLEMENTED;
      case "Gone", "Expired" -> Code.FAILED_PRECONDITION;
      default -> null;
    };
  }
}
