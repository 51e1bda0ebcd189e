package dev.faultline;

import java.util.Objects;

/** Renders a fault chain as the tree that {@link Faults#render(Fault)} documents. */
final class ChainRenderer {
  private ChainRenderer() {}

  static String render(Fault fault) {
    StringBuilder out = new StringBuilder(128);
    String trace = fault.traceId();
    if (trace != null) {
      out.append("trace ").append(trace).append('\n');
    }
    int depth = 0;
    for (Fault f = fault; f != null; f = f.cause(), depth++) {
      if (depth > 0) {
        out.append("   ".repeat(depth - 1)).append("└─ ");
      }
      hop(out, f);
      if (f.traceId() != null && !Objects.equals(f.traceId(), trace)) {
        out.append(" (trace ").append(f.traceId()).append(')');
      }
      out.append('\n');
      if (f.truncated() && f.cause() == null) {
        out.append("   ".repeat(depth)).append("└─ … (chain truncated)\n");
      }
    }
    return out.toString();
  }

  private static void hop(StringBuilder out, Fault f) {
    out.append(f.service() == null ? "?" : f.service()).append(": ").append(f.code());
    if (f.reason() != null) {
      out.append(' ').append(f.reason());
    }
    if (f.domain() != null) {
      out.append(" (").append(f.domain()).append(')');
    }
    out.append(" \"").append(f.message()).append('"');
  }
}
