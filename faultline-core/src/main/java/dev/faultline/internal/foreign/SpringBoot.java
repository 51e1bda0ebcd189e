package dev.faultline.internal.foreign;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Spring Boot's default error body ({@code BasicErrorController} and WebFlux): {@code {"timestamp":
 * …, "status": 404, "error": "Not Found", "path": …}}, with {@code message}, {@code errors} and
 * {@code requestId} when enabled. It carries no code of its own: the status decides. The {@code
 * trace} and {@code exception} members are never kept.
 */
final class SpringBoot {
  private SpringBoot() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> root = Nodes.object(r.json());
    if (root == null
        || !root.containsKey("timestamp")
        || Nodes.intOrDigits(root, "status") == null
        || Nodes.string(root, "path") == null) {
      return null;
    }
    String message = Nodes.string(root, "message");
    if (message == null || message.equals("No message available")) {
      message = Nodes.string(root, "error");
    }
    Draft d =
        new Draft("spring-boot")
            .message(message)
            .meta("path", Nodes.string(root, "path"))
            .meta("violations", Violations.summary(root.get("errors")));
    d.requestId = RemoteText.clean(Nodes.string(root, "requestId"), 128);
    return d;
  }
}
