package dev.faultline.wire;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.internal.FaultBudget;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A fault in one header, for carriers that have only headers (Kafka record headers, HTTP trailers):
 * the same problem JSON as {@link ProblemJson}, minified and printable ASCII only (every other char
 * escaped as {@code \\uXXXX}), so the value is a legal HTTP field value.
 *
 * <pre>{@code
 * record.headers().add(FaultHeader.NAME, FaultHeader.encode(fault, exposure).getBytes(US_ASCII));
 * Fault fault = FaultHeader.decode(record.headers().lastHeader(FaultHeader.NAME).value());
 * }</pre>
 */
public final class FaultHeader {
  /** The name of the header. */
  public static final String NAME = "faultline-fault";

  /** The default most bytes of a value: 4 KiB, which HTTP servers and proxies all accept. */
  public static final int DEFAULT_BUDGET = 4096;

  private FaultHeader() {}

  /** {@code fault} as a header value of at most {@value #DEFAULT_BUDGET} bytes. */
  public static String encode(Fault fault, Exposure exposure) {
    return encode(fault, exposure, DEFAULT_BUDGET);
  }

  /**
   * {@code fault} as a header value of at most {@code maxBytes} bytes, cut as {@link
   * ProblemJson#encode(Fault, Exposure, int)} cuts.
   *
   * @throws IllegalArgumentException when {@code maxBytes} is below {@value
   *     FaultBudget#MIN_BUDGET}, a configuration mistake
   */
  public static String encode(Fault fault, Exposure exposure, int maxBytes) {
    byte[] ascii =
        ProblemJson.encodeWithin(fault, exposure, maxBytes, "maxBytes", AsciiJson.FACTORY);
    return new String(ascii, StandardCharsets.US_ASCII);
  }

  /**
   * The fault in a header value; an {@link Code#UNKNOWN} fault when there is none. Never throws,
   * bounded by {@link DecodeLimits#DEFAULT}.
   */
  public static Fault decode(@Nullable String value) {
    if (value == null) {
      return Fault.builder(Code.UNKNOWN).build();
    }
    int max = DecodeLimits.DEFAULT.maxBytes();
    // One char more than the limit is kept, so that the decoder sees the value was longer.
    String bounded = value.length() > max ? value.substring(0, max + 1) : value;
    return ProblemJson.decode(bounded.getBytes(StandardCharsets.UTF_8));
  }

  /** The fault in a header value's bytes; never throws, bounded by {@link DecodeLimits#DEFAULT}. */
  public static Fault decode(byte[] value) {
    return ProblemJson.decode(value);
  }
}
