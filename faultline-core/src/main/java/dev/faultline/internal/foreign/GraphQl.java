package dev.faultline.internal.foreign;

import dev.faultline.Code;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * GraphQL responses with {@code errors[]} (each with a {@code message}), on any status including
 * 200. The code comes from the first error whose {@code extensions.code} (Apollo and most servers)
 * or {@code extensions.classification} (graphql-java, Spring for GraphQL) names one; with none, the
 * status decides, and a 2xx is {@code UNKNOWN}.
 */
final class GraphQl {
  private static final Set<String> RESPONSE_MEMBERS = Set.of("errors", "data", "extensions");

  private GraphQl() {}

  static @Nullable Draft read(BoundedResponse r) {
    List<Object> errors = Nodes.list(r.json(), "errors");
    Map<String, Object> first = Nodes.firstObject(r.json(), "errors");
    if (errors == null || first == null || Nodes.string(first, "message") == null) {
      return null;
    }
    if (!RESPONSE_MEMBERS.containsAll(Nodes.object(r.json()).keySet())) {
      return null; // A GraphQL response has no other members (GitHub's REST errors do).
    }
    Map<String, Object> chosen = first;
    String appCode = codeOf(first);
    Code code = AppCodes.lookup(appCode);
    for (int i = 1; code == null && i < errors.size() && i < Violations.MAX_ITEMS; i++) {
      String candidate = codeOf(errors.get(i));
      if (AppCodes.lookup(candidate) != null) {
        chosen = Nodes.object(errors.get(i));
        appCode = candidate;
        code = AppCodes.lookup(candidate);
      }
    }
    return new Draft("graphql")
        .code(code)
        .appCode(appCode)
        .message(Nodes.string(chosen, "message"))
        .meta("path", path(Nodes.list(chosen, "path")))
        .meta("errorCount", errors.size());
  }

  private static @Nullable String codeOf(@Nullable Object error) {
    Map<String, Object> extensions = Nodes.object(error, "extensions");
    String code = Nodes.string(extensions, "code");
    return code != null ? code : Nodes.string(extensions, "classification");
  }

  private static @Nullable String path(@Nullable List<Object> path) {
    if (path == null || path.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.size() && i < 16; i++) {
      out.append(i > 0 ? "." : "").append(path.get(i));
    }
    return out.toString();
  }
}
