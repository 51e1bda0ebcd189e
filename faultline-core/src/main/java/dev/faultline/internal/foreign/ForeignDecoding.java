package dev.faultline.internal.foreign;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.internal.Warnings;
import dev.faultline.wire.DecodeLimits;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The engine behind {@link dev.faultline.wire.ForeignErrors}: registered decoders first, then the
 * built-in families in order, then the generic fallback. Total: any trouble of a decoder (ours or a
 * user's) skips that decoder, and trouble outside them gives the status-only fault.
 */
public final class ForeignDecoding {
  private ForeignDecoding() {}

  /** The fault that this response describes; never throws. */
  public static Fault decode(
      int status,
      @Nullable Map<String, List<String>> headers,
      byte @Nullable [] body,
      DecodeLimits limits) {
    try {
      BoundedResponse response = new BoundedResponse(status, headers, body, limits);
      Fault fault = Extensions.decode(response);
      return fault != null ? fault : builtIn(response);
    } catch (RuntimeException | StackOverflowError e) {
      Warnings.once("foreign-errors", "Faultline could not read a foreign error response", e);
      return Fault.builder(Code.fromHttpStatus(status))
          .metadata("format", "http")
          .metadata("httpStatus", Integer.toString(status))
          .build();
    }
  }

  private static Fault builtIn(BoundedResponse response) {
    Fault own = FaultlineProblem.decode(response);
    if (own != null) {
      return own;
    }
    for (Family family : Families.ORDER) {
      Draft draft;
      try {
        draft = family.read(response);
      } catch (RuntimeException | StackOverflowError e) {
        Warnings.once(
            "foreign-errors:" + family.getClass().getName(),
            "Faultline skipped a built-in foreign error decoder that failed",
            e);
        continue;
      }
      if (draft != null) {
        return draft.toFault(response);
      }
    }
    return Fallback.read(response).toFault(response);
  }
}
