package dev.faultline.internal.foreign;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.internal.Warnings;
import dev.faultline.wire.ProblemJson;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Faultline's own problem+json, recognized by a {@code code} member that is exactly a {@link Code}
 * name together with a problem member ({@code type} or {@code title}) or the problem+json media
 * type. {@link ProblemJson#decode(byte[], dev.faultline.wire.DecodeLimits)} reads it whole (with
 * its causes); should that fail, the few members a fault needs are read here from the tree, so the
 * code, reason and ids survive either way.
 */
final class FaultlineProblem {
  private FaultlineProblem() {}

  /** Whether {@code root} is a Faultline problem. */
  static boolean recognizes(BoundedResponse r, @Nullable Map<String, Object> root) {
    String code = Nodes.string(root, "code");
    Code parsed = Code.parse(code);
    if (parsed == null || !parsed.name().equals(code)) {
      return false;
    }
    return r.headerContains("content-type", "problem+json")
        || Nodes.string(root, "type") != null
        || Nodes.string(root, "title") != null;
  }

  /** The fault, decoded by {@link ProblemJson} when it can, else read here; null if not ours. */
  static @Nullable Fault decode(BoundedResponse r) {
    Map<String, Object> root = Nodes.object(r.json());
    if (!recognizes(r, root)) {
      return null;
    }
    try {
      return ProblemJson.decode(r.rawBody(), r.limits());
    } catch (RuntimeException | LinkageError e) {
      Warnings.once(
          "foreign-errors:problem-json", "ProblemJson.decode failed; reading the members here", e);
      return read(root).toFault(r);
    }
  }

  private static Draft read(@Nullable Map<String, Object> root) {
    String detail = Nodes.string(root, "detail");
    Draft d =
        new Draft("faultline")
            .code(Code.parse(Nodes.string(root, "code")))
            .reason(Nodes.string(root, "reason"))
            .domain(Nodes.string(root, "domain"))
            .message(detail != null ? detail : Nodes.string(root, "title"));
    d.service = Nodes.string(root, "service");
    d.instanceId = Nodes.string(root, "instanceId");
    d.trace = Trace.ofTraceId(Nodes.string(root, "traceId"));
    Integer retry = Nodes.intOrDigits(root, "retryAfter");
    d.retryAfter = retry == null || retry < 0 ? null : Duration.ofSeconds(retry);
    Map<String, Object> metadata = Nodes.object(root, "metadata");
    if (metadata != null) {
      metadata.forEach((k, v) -> d.meta(k, v instanceof String ? v : null));
    }
    return d;
  }
}
