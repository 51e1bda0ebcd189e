package dev.faultline.wire;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.internal.FaultBudget;
import dev.faultline.internal.FaultCuts;
import dev.faultline.internal.Json;
import dev.faultline.internal.Warnings;
import tools.jackson.core.json.JsonFactory;

/**
 * Faultline's HTTP format: RFC 9457 {@code application/problem+json} with Faultline's extension
 * members. See {@code docs/wire-format.md}.
 *
 * <pre>{@code
 * byte[] body = ProblemJson.encode(fault, Exposure.configured());
 * Fault remote = ProblemJson.decode(responseBody);
 * }</pre>
 */
public final class ProblemJson {
  /** The media type of a problem. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private ProblemJson() {}

  /**
   * {@code fault} as UTF-8 problem+json, with only what {@code exposure} allows: at {@link
   * Exposure#PUBLIC} the outer fault's code, reason, domain, safe message and ids; at {@link
   * Exposure#INTERNAL} also its service, metadata and causes; at {@link Exposure#DEBUG} also
   * exception names, their messages and stack frames.
   */
  public static byte[] encode(Fault fault, Exposure exposure) {
    return ProblemWriter.write(fault, exposure, Json.FACTORY);
  }

  /**
   * As {@link #encode(Fault, Exposure)}, cut to at most {@code maxBytes} bytes: stack traces go
   * first, then long messages are shortened, then the deepest causes are dropped, then metadata.
   * Code, reason and ids are never cut, and a cut problem says {@code "truncated": true}.
   *
   * @throws IllegalArgumentException when {@code maxBytes} is below {@value
   *     FaultBudget#MIN_BUDGET}, a configuration mistake
   */
  public static byte[] encode(Fault fault, Exposure exposure, int maxBytes) {
    return encodeWithin(fault, exposure, maxBytes, "maxBytes", Json.FACTORY);
  }

  /** The fault in a problem+json body; never throws, bounded by {@link DecodeLimits#DEFAULT}. */
  public static Fault decode(byte[] body) {
    return decode(body, DecodeLimits.DEFAULT);
  }

  /**
   * The fault in a problem+json body; never throws, bounded by {@code limits}. Unknown members and
   * members of the wrong type are ignored; anything cut to fit the limits marks the result {@link
   * Fault#truncated() truncated}; a body that is not a JSON object gives an {@link Code#UNKNOWN}
   * fault with the generic message.
   */
  public static Fault decode(byte[] body, DecodeLimits limits) {
    try {
      return ProblemReader.read(body, limits);
    } catch (RuntimeException bug) {
      Warnings.once("problem-json-decode", "Faultline could not decode a problem+json body", bug);
      return Fault.builder(Code.UNKNOWN).truncated(true).build();
    }
  }

  /** The encoding made by {@code factory}, cut to {@code maxBytes} as the budget prescribes. */
  static byte[] encodeWithin(
      Fault fault, Exposure exposure, int maxBytes, String parameter, JsonFactory factory) {
    FaultBudget.requireSane(maxBytes, parameter);
    byte[] full = ProblemWriter.write(fault, exposure, factory);
    if (full.length <= maxBytes) {
      return full;
    }
    Fault visible = FaultCuts.visibleAt(fault, exposure);
    Fault fitted =
        FaultBudget.fit(visible, f -> ProblemWriter.size(f, exposure, factory), maxBytes);
    return ProblemWriter.write(fitted, exposure, factory);
  }
}
