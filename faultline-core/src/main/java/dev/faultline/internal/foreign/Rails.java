package dev.faultline.internal.foreign;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rails' JSON error from {@code ActionDispatch::PublicExceptions}: {@code {"status": 404, "error":
 * "Not Found"}} (plus {@code exception} and {@code traces} in development, never kept). The status
 * decides. Rails' HTML pages ({@code public/404.html}) are read by {@link HtmlPage}.
 */
final class Rails {
  private static final Set<String> MEMBERS = Set.of("status", "error", "exception", "traces");

  private Rails() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> root = Nodes.object(r.json());
    if (root == null
        || Nodes.intOrDigits(root, "status") == null
        || Nodes.string(root, "error") == null
        || !MEMBERS.containsAll(root.keySet())) {
      return null;
    }
    return new Draft("rails").message(Nodes.string(root, "error"));
  }
}
