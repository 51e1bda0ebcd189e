package dev.faultline.internal.foreign;

import dev.faultline.Code;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stripe: {@code {"error": {"type": "invalid_request_error", "code": "resource_missing", "message":
 * …, "param": …}}}. The application code is {@code code} (else {@code type}); {@code
 * resource_missing} is {@code NOT_FOUND}, {@code rate_limit} is {@code RESOURCE_EXHAUSTED}, ….
 */
final class Stripe {
  private Stripe() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> error = Nodes.object(r.json(), "error");
    String type = Nodes.string(error, "type");
    if (type == null || !isStripe(r, error, type)) {
      return null;
    }
    String code = Nodes.string(error, "code");
    String appCode = code != null ? code : type;
    return new Draft("stripe")
        .code(AppCodes.lookup(appCode) != null ? AppCodes.lookup(appCode) : typeCode(type))
        .appCode(appCode)
        .domain("stripe.com")
        .message(Nodes.string(error, "message"))
        .meta("type", type)
        .meta("param", Nodes.string(error, "param"))
        .meta("declineCode", Nodes.string(error, "decline_code"))
        .meta("docUrl", Nodes.string(error, "doc_url"));
  }

  /** Stripe's types all end in {@code _error}; its headers and doc links name it too. */
  private static boolean isStripe(BoundedResponse r, Map<String, Object> error, String type) {
    return type.endsWith("_error")
        || r.header("stripe-version") != null
        || RemoteText.containsIgnoreCase(Nodes.string(error, "doc_url"), "stripe.com");
  }

  private static @Nullable Code typeCode(String type) {
    return switch (type) {
      case "authentication_error" -> Code.UNAUTHENTICATED;
      case "rate_limit_error" -> Code.RESOURCE_EXHAUSTED;
      default -> null;
    };
  }
}
