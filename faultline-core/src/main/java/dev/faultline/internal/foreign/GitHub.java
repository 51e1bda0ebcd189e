package dev.faultline.internal.foreign;

import dev.faultline.Code;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * GitHub's REST API: {@code {"message": …, "documentation_url": …, "errors": [...]}}. A 403 or 429
 * whose rate limit is spent ({@code X-RateLimit-Remaining: 0}) or whose message speaks of a rate
 * limit (the secondary limits) is {@code RESOURCE_EXHAUSTED}, retried after {@code Retry-After} or
 * else {@code X-RateLimit-Reset}.
 */
final class GitHub {
  private GitHub() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> root = Nodes.object(r.json());
    String docs = Nodes.string(root, "documentation_url");
    String message = Nodes.string(root, "message");
    if (docs == null || message == null) {
      return null;
    }
    Map<String, Object> first = Nodes.firstObject(root, "errors");
    String appCode = Nodes.string(first, "code");
    boolean limited =
        (r.status() == 403 || r.status() == 429)
            && (HeaderSignals.rateLimitSpent(r)
                || RemoteText.containsIgnoreCase(message, "rate limit"));
    Draft d =
        new Draft("github")
            .code(limited ? Code.RESOURCE_EXHAUSTED : AppCodes.lookup(appCode))
            .appCode(appCode)
            .domain("github.com")
            .message(message)
            .meta("documentationUrl", docs)
            .meta("violations", Violations.summary(Nodes.list(root, "errors")));
    if (limited && HeaderSignals.retryAfter(r) == null) {
      d.retryAfter = HeaderSignals.untilEpochSecond(r, r.header("x-ratelimit-reset"));
    }
    return d;
  }
}
