package dev.faultline.internal.foreign;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON:API error documents: {@code {"errors": [{"status": "422", "code": …, "title": …, "detail":
 * …, "source": {"pointer": …}}]}}. The first error's {@code code} is the application code; the
 * response status decides unless that code names a canonical one.
 */
final class JsonApi {
  private JsonApi() {}

  static @Nullable Draft read(BoundedResponse r) {
    List<Object> errors = Nodes.list(r.json(), "errors");
    Map<String, Object> first = Nodes.firstObject(r.json(), "errors");
    if (errors == null || first == null) {
      return null;
    }
    boolean shaped =
        Nodes.has(first, "title")
            || Nodes.has(first, "detail")
            || Nodes.has(first, "status")
            || Nodes.has(first, "code");
    if (!shaped && !r.headerContains("content-type", "vnd.api+json")) {
      return null;
    }
    String appCode = Nodes.text(first, "code");
    String detail = Nodes.string(first, "detail");
    Map<String, Object> source = Nodes.object(first, "source");
    String pointer = Nodes.string(source, "pointer");
    return new Draft("json-api")
        .code(AppCodes.lookup(appCode))
        .appCode(appCode)
        .message(detail != null ? detail : Nodes.string(first, "title"))
        .meta("title", Nodes.string(first, "title"))
        .meta("pointer", pointer != null ? pointer : Nodes.string(source, "parameter"))
        .meta("errorCount", errors.size())
        .meta("violations", errors.size() > 1 ? Violations.summary(errors) : null);
  }
}
