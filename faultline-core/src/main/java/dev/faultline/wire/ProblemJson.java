package dev.faultline.wire;

import dev.faultline.Exposure;
import dev.faultline.Fault;

/**
 * Faultline's HTTP format: RFC 9457 {@code application/problem+json} with Faultline's extension
 * members. See {@code docs/wire-format.md}.
 */
public final class ProblemJson {
  /** The media type of a problem. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private ProblemJson() {}

  /** {@code fault} as problem+json, with only what {@code exposure} allows. */
  public static byte[] encode(Fault fault, Exposure exposure) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The fault in a problem+json body; never throws, bounded by {@link DecodeLimits#DEFAULT}. */
  public static Fault decode(byte[] body) {
    return decode(body, DecodeLimits.DEFAULT);
  }

  /** The fault in a problem+json body; never throws, bounded by {@code limits}. */
  public static Fault decode(byte[] body, DecodeLimits limits) {
    throw new UnsupportedOperationException("not yet");
  }
}
