package dev.faultline.context;

import dev.faultline.internal.Hex;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A W3C Trace Context {@code traceparent}: the trace id shared by every hop of a request, the id of
 * the current span, and the trace flags. Immutable; {@link #toString()} is the header value.
 *
 * <pre>{@code
 * TraceParent parent = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
 * TraceParent child = parent.newChild();   // same trace, new span id
 * }</pre>
 */
public final class TraceParent {
  /** Longer header values are rejected without being read. */
  static final int MAX_LENGTH = 512;

  private static final int LENGTH = 55;
  private static final int SAMPLED = 0x01;

  private final String traceId;
  private final String spanId;
  private final int flags;
  private @Nullable String header;

  private TraceParent(String traceId, String spanId, int flags, @Nullable String header) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.flags = flags;
    this.header = header;
  }

  /**
   * The traceparent in a header value, or null when the value is missing or invalid by the W3C
   * grammar (uppercase hex, version {@code ff}, all-zero ids, wrong length, over 512 chars). A
   * higher version is read by its first four fields.
   */
  public static @Nullable TraceParent parse(@Nullable String header) {
    if (header == null || header.length() < LENGTH || header.length() > MAX_LENGTH) {
      return null;
    }
    if (!Hex.isLowerHex(header, 0, 2) || header.startsWith("ff")) {
      return null;
    }
    boolean current = header.startsWith("00");
    if (current
        ? header.length() != LENGTH
        : header.length() > LENGTH && header.charAt(55) != '-') {
      return null;
    }
    if (header.charAt(2) != '-' || header.charAt(35) != '-' || header.charAt(52) != '-') {
      return null;
    }
    if (!Hex.isLowerHex(header, 3, 35)
        || !Hex.isLowerHex(header, 36, 52)
        || !Hex.isLowerHex(header, 53, 55)
        || Hex.isZeros(header, 3, 35)
        || Hex.isZeros(header, 36, 52)) {
      return null;
    }
    return new TraceParent(
        header.substring(3, 35),
        header.substring(36, 52),
        Hex.parseByte(header, 53),
        current ? header : null);
  }

  /** A new trace: a random trace id and span id, sampled (flags {@code 01}). */
  public static TraceParent newRoot() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high;
    long low;
    do {
      high = random.nextLong();
      low = random.nextLong();
    } while (high == 0 && low == 0);
    return new TraceParent(Hex.of(high, low), newSpanId(), SAMPLED, null);
  }

  /** The next span of the same trace: same trace id and flags, a new random span id. */
  public TraceParent newChild() {
    return new TraceParent(traceId, newSpanId(), flags, null);
  }

  /** The trace id: 32 lowercase hex digits, never all zero. */
  public String traceId() {
    return traceId;
  }

  /** The span id (the W3C parent-id): 16 lowercase hex digits, never all zero. */
  public String spanId() {
    return spanId;
  }

  /** The trace flags, 0 to 255. */
  public int flags() {
    return flags;
  }

  /** Whether the sampled flag is set: the caller may have recorded this trace. */
  public boolean sampled() {
    return (flags & SAMPLED) != 0;
  }

  /** The header value, version {@code 00}: {@code 00-<trace id>-<span id>-<flags>}. */
  @Override
  public String toString() {
    String value = header;
    if (value == null) {
      value = "00-" + traceId + '-' + spanId + '-' + Hex.ofByte(flags);
      header = value;
    }
    return value;
  }

  /** Equal when trace id, span id and flags are equal. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof TraceParent
        && ((TraceParent) other).traceId.equals(traceId)
        && ((TraceParent) other).spanId.equals(spanId)
        && ((TraceParent) other).flags == flags;
  }

  /** A hash of trace id, span id and flags. */
  @Override
  public int hashCode() {
    return (traceId.hashCode() * 31 + spanId.hashCode()) * 31 + flags;
  }

  private static String newSpanId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return Hex.of(id);
  }
}
