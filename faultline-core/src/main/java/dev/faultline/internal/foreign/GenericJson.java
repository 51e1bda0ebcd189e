package dev.faultline.internal.foreign;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The common shapes of hand-written JSON errors (Express and most small APIs): {@code {"error":
 * "…"}}, {@code {"message": "…"}}, {@code {"error": {"code": …, "message": …}}} (Microsoft REST
 * style), {@code {"code": "…", "message": "…"}}, and OAuth 2's {@code {"error": "invalid_token",
 * "error_description": …}}, and Rails' {@code {"errors": {"name": ["can't be blank"]}}}. A code
 * naming a canonical one wins; else the status decides.
 */
final class GenericJson {
  private static final List<String> MESSAGES =
      List.of("message", "error_description", "errorMessage", "error_message", "msg", "title");
  private static final List<String> CODES = List.of("code", "errorCode", "error_code");

  private GenericJson() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> root = Nodes.object(r.json());
    if (root == null) {
      return null;
    }
    Map<String, Object> error = Nodes.object(root, "error");
    Map<String, Object> holder = error != null ? error : root;
    String errorText = Nodes.string(root, "error");
    boolean oauth = errorText != null && root.containsKey("error_description");
    String appCode = oauth ? errorText : first(holder, CODES);
    String message = first(holder, MESSAGES);
    if (message == null && !oauth) {
      message = errorText;
    }
    if (message == null) {
      message = Violations.summary(root.get("errors"));
    }
    if (appCode == null && message == null) {
      return null;
    }
    String format =
        oauth ? "oauth2" : r.headerContains("x-powered-by", "express") ? "express" : "json";
    return new Draft(format).code(AppCodes.lookup(appCode)).appCode(appCode).message(message);
  }

  private static @Nullable String first(Map<String, Object> node, List<String> names) {
    for (String name : names) {
      String value = Nodes.string(node, name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
