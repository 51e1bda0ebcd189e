package dev.faultline.internal.foreign;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.wire.ProblemJson;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Faultline's own problem+json, recognized by a {@code code} member that is exactly a {@link Code}
 * name together with a problem member ({@code type} or {@code title}) or the problem+json media
 * type. {@link ProblemJson#decode(byte[], dev.faultline.wire.DecodeLimits)} reads it whole, with
 * its causes.
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

  /** The fault, decoded whole (with its causes) by {@link ProblemJson}; null if not ours. */
  static @Nullable Fault decode(BoundedResponse r) {
    return recognizes(r, Nodes.object(r.json()))
        ? ProblemJson.decode(r.rawBody(), r.limits())
        : null;
  }
}
