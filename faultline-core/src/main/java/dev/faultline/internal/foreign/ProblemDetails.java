package dev.faultline.internal.foreign;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * RFC 9457 / RFC 7807 problem details from other frameworks (Spring 6 and 7 {@code ProblemDetail},
 * ASP.NET Core {@code ProblemDetails}, …): {@code type, title, status, detail, instance}. The
 * status decides the code (a problem has no code of its own); a string {@code code} extension is
 * kept as the application code. ASP.NET Core's {@code traceId} ({@code 00-<32 hex>-<16 hex>-00})
 * gives the trace id; validation {@code errors} are summarized.
 */
final class ProblemDetails {
  private ProblemDetails() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> root = Nodes.object(r.json());
    if (root == null || !isProblem(r, root)) {
      return null;
    }
    String detail = Nodes.string(root, "detail");
    String type = Nodes.string(root, "type");
    String traceId = Nodes.string(root, "traceId");
    Trace trace = Trace.parse(traceId);
    boolean aspNet = traceId != null || r.headerContains("server", "kestrel");
    String appCode = Nodes.string(root, "code");
    Draft d =
        new Draft(aspNet ? "aspnetcore" : "problem-details")
            .code(AppCodes.lookup(appCode))
            .appCode(appCode)
            .message(detail != null ? detail : Nodes.string(root, "title"))
            .meta("type", "about:blank".equals(type) ? null : type)
            .meta("title", Nodes.string(root, "title"))
            .meta("instance", Nodes.string(root, "instance"))
            .meta("violations", Violations.summary(root.get("errors")));
    d.trace = trace;
    if (trace == null) {
      d.requestId = RemoteText.clean(traceId, 128);
    }
    return d;
  }

  private static boolean isProblem(BoundedResponse r, Map<String, Object> root) {
    if (r.headerContains("content-type", "problem+json")) {
      return true;
    }
    boolean named = Nodes.string(root, "title") != null || Nodes.string(root, "type") != null;
    return named && (Nodes.integer(root, "status") != null || Nodes.string(root, "detail") != null);
  }
}
