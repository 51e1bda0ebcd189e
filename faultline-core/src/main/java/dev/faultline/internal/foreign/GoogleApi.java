package dev.faultline.internal.foreign;

import dev.faultline.Code;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Google JSON API errors (AIP-193): {@code {"error": {"code": 404, "message": …, "status":
 * "NOT_FOUND", "details": [ErrorInfo …]}}}. The code is {@code error.status}; older APIs give only
 * {@code error.errors[].reason} ({@code rateLimitExceeded}, …), read as an application code.
 */
final class GoogleApi {
  private GoogleApi() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> error = Nodes.object(r.json(), "error");
    String status = Nodes.string(error, "status");
    Code code = Code.parse(status);
    if (error == null || (code == null && Nodes.integer(error, "code") == null)) {
      return null;
    }
    if (Nodes.string(error, "type") != null) {
      return null; // Stripe's shape.
    }
    Map<String, Object> legacy = Nodes.firstObject(error, "errors");
    String legacyReason = Nodes.string(legacy, "reason");
    Draft d =
        new Draft("google-api")
            .code(code != null ? code : legacyCode(legacyReason))
            .appCode(status != null ? status : legacyReason)
            .message(Nodes.string(error, "message"));
    GoogleDetails.apply(Nodes.list(error, "details"), d);
    return d;
  }

  private static @Nullable Code legacyCode(@Nullable String reason) {
    if (reason == null) {
      return null;
    }
    return switch (reason) {
      case "rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded" ->
          Code.RESOURCE_EXHAUSTED;
      default -> AppCodes.lookup(reason);
    };
  }
}
