package dev.faultline.internal;

import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.FaultBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Copies of a fault chain with parts removed: what an exposure level hides, or what a size budget
 * cannot hold. Every method walks the chain iteratively, so a chain of any length is safe.
 */
public final class FaultCuts {
  /** Edits one fault of a chain, given the original; says whether it changed anything. */
  @FunctionalInterface
  interface Edit {
    boolean apply(Fault original, FaultBuilder copy);
  }

  private FaultCuts() {}

  /**
   * {@code fault} reduced to what {@code exposure} lets leave the process: at {@link
   * Exposure#PUBLIC} no service, metadata, causes or exception details; at {@link
   * Exposure#INTERNAL} no exception details anywhere in the chain. Nothing is marked truncated.
   */
  public static Fault visibleAt(Fault fault, Exposure exposure) {
    if (exposure.includesDebug()) {
      return fault;
    }
    if (exposure.includesCauses()) {
      return map(fault, FaultCuts::dropDebug, false);
    }
    FaultBuilder top = fault.toBuilder().cause(null).service(null).clearMetadata();
    dropDebug(fault, top);
    return top.build();
  }

  /** The faults of the chain, outermost first. */
  public static List<Fault> chain(Fault fault) {
    List<Fault> chain = new ArrayList<>();
    for (Fault f = fault; f != null; f = f.cause()) {
      chain.add(f);
    }
    return chain;
  }

  /** The chain without stack traces; the outer fault is marked truncated if any were dropped. */
  static Fault withoutStacks(Fault fault) {
    return map(
        fault,
        (f, b) -> {
          b.stackTrace(List.of());
          return !f.stackTrace().isEmpty();
        },
        true);
  }

  /**
   * The chain with messages, exception messages and metadata values shortened to {@code max} chars,
   * each ending in {@link Text#ELLIPSIS}.
   */
  static Fault shortened(Fault fault, int max) {
    return map(fault, (f, b) -> shorten(f, b, max), true);
  }

  /** The chain without metadata. */
  static Fault withoutMetadata(Fault fault) {
    return map(
        fault,
        (f, b) -> {
          b.clearMetadata();
          return !f.metadata().isEmpty();
        },
        true);
  }

  /** The last resort: service and exception names cut to 64 chars, messages to 16. */
  static Fault minimal(Fault fault) {
    return map(
        fault,
        (f, b) -> {
          boolean changed = shorten(f, b, 16);
          String service = f.service();
          String exception = f.exception();
          b.service(service == null ? null : Text.abbreviate(service, 64));
          b.exception(exception == null ? null : Text.abbreviate(exception, 64));
          return changed || longer(service, 64) || longer(exception, 64);
        },
        true);
  }

  /** The outer fault and its first {@code causes} causes, marked truncated. */
  static Fault keepCauses(List<Fault> chain, int causes) {
    Fault next = null;
    for (int i = causes; i >= 0; i--) {
      FaultBuilder b = chain.get(i).toBuilder().cause(next);
      next = (i == 0 ? b.truncated(true) : b).build();
    }
    return next;
  }

  private static boolean shorten(Fault f, FaultBuilder b, int max) {
    boolean changed = f.message().length() > max;
    b.message(Text.abbreviate(f.message(), max));
    String exceptionMessage = f.exceptionMessage();
    if (exceptionMessage != null) {
      changed |= exceptionMessage.length() > max;
      b.exceptionMessage(Text.abbreviate(exceptionMessage, max));
    }
    b.clearMetadata();
    for (Map.Entry<String, String> e : f.metadata().entrySet()) {
      changed |= e.getValue().length() > max;
      b.metadata(e.getKey(), Text.abbreviate(e.getValue(), max));
    }
    return changed;
  }

  private static boolean longer(@Nullable String text, int max) {
    return text != null && text.length() > max;
  }

  private static boolean dropDebug(Fault f, FaultBuilder b) {
    b.exception(null).exceptionMessage(null).stackTrace(List.of());
    return true;
  }

  private static Fault map(Fault fault, Edit edit, boolean markTruncated) {
    List<Fault> chain = chain(fault);
    boolean changed = false;
    @Nullable Fault next = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      Fault original = chain.get(i);
      FaultBuilder copy = original.toBuilder().cause(next);
      changed |= edit.apply(original, copy);
      if (i == 0 && markTruncated && changed) {
        copy.truncated(true);
      }
      next = copy.build();
    }
    return changed ? next : fault;
  }
}
