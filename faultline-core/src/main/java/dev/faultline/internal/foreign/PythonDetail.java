package dev.faultline.internal.foreign;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * FastAPI / Starlette and Django REST Framework, which both answer {@code {"detail": …}}: a string,
 * FastAPI's list of validation errors ({@code loc}, {@code msg}, {@code type}), or DRF's full
 * details ({@code {"message": …, "code": …}}); a top-level {@code code} is DRF's error code ({@code
 * not_authenticated}, {@code throttled}, …). The framework is named from the list shape or the
 * server header (uvicorn, hypercorn); otherwise it is taken for DRF.
 */
final class PythonDetail {
  private PythonDetail() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> root = Nodes.object(r.json());
    if (root == null || !root.containsKey("detail")) {
      return null;
    }
    Object detail = root.get("detail");
    List<Object> list = Nodes.list(root, "detail");
    Map<String, Object> full = Nodes.object(detail);
    String appCode = full != null ? Nodes.string(full, "code") : Nodes.string(root, "code");
    String message =
        detail instanceof String
            ? (String) detail
            : full != null ? Nodes.string(full, "message") : Violations.summary(list);
    boolean fastApi =
        list != null
            || r.headerContains("server", "uvicorn")
            || r.headerContains("server", "hypercorn");
    return new Draft(fastApi ? "fastapi" : "django-rest-framework")
        .code(AppCodes.lookup(appCode))
        .appCode(appCode)
        .message(message)
        .meta("errorCount", list == null ? null : list.size());
  }
}
