package dev.faultline.wire;

/**
 * Bounds on what a decoder of remote or foreign input reads, so that no input can make it allocate
 * without bound. Beyond a limit, a decoder stops reading and marks its result {@link
 * dev.faultline.Fault#truncated() truncated}; it never throws.
 *
 * <pre>{@code
 * DecodeLimits limits = DecodeLimits.DEFAULT.withMaxBytes(1 << 20).withMaxDepth(8);
 * Fault fault = ProblemJson.decode(body, limits);
 * }</pre>
 */
public final class DecodeLimits {
  /**
   * 256 KiB of input, a chain of 32 faults, 64 metadata entries per fault, strings of 4,096 chars,
   * JSON nested 64 deep.
   */
  public static final DecodeLimits DEFAULT = new DecodeLimits(256 * 1024, 32, 64, 4096, 64);

  private final int maxBytes;
  private final int maxDepth;
  private final int maxMetadata;
  private final int maxStringLength;
  private final int maxNesting;

  private DecodeLimits(
      int maxBytes, int maxDepth, int maxMetadata, int maxStringLength, int maxNesting) {
    this.maxBytes = positive(maxBytes, "maxBytes");
    this.maxDepth = positive(maxDepth, "maxDepth");
    this.maxMetadata = positive(maxMetadata, "maxMetadata");
    this.maxStringLength = positive(maxStringLength, "maxStringLength");
    this.maxNesting = positive(maxNesting, "maxNesting");
  }

  /** The most bytes of input read; the rest is ignored. */
  public int maxBytes() {
    return maxBytes;
  }

  /** The most faults in a decoded chain (the outer fault and its causes). */
  public int maxDepth() {
    return maxDepth;
  }

  /** The most metadata entries kept per fault. */
  public int maxMetadata() {
    return maxMetadata;
  }

  /** The longest string value kept; a longer one is cut. */
  public int maxStringLength() {
    return maxStringLength;
  }

  /** The deepest nesting of JSON objects and arrays read. */
  public int maxNesting() {
    return maxNesting;
  }

  /** A copy with another byte limit. */
  public DecodeLimits withMaxBytes(int maxBytes) {
    return new DecodeLimits(maxBytes, maxDepth, maxMetadata, maxStringLength, maxNesting);
  }

  /** A copy with another chain depth limit. */
  public DecodeLimits withMaxDepth(int maxDepth) {
    return new DecodeLimits(maxBytes, maxDepth, maxMetadata, maxStringLength, maxNesting);
  }

  /** A copy with another metadata count limit. */
  public DecodeLimits withMaxMetadata(int maxMetadata) {
    return new DecodeLimits(maxBytes, maxDepth, maxMetadata, maxStringLength, maxNesting);
  }

  /** A copy with another string length limit. */
  public DecodeLimits withMaxStringLength(int maxStringLength) {
    return new DecodeLimits(maxBytes, maxDepth, maxMetadata, maxStringLength, maxNesting);
  }

  /** A copy with another JSON nesting limit. */
  public DecodeLimits withMaxNesting(int maxNesting) {
    return new DecodeLimits(maxBytes, maxDepth, maxMetadata, maxStringLength, maxNesting);
  }

  private static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException("DecodeLimits." + name + " must be positive: " + value);
    }
    return value;
  }

  @Override
  public String toString() {
    return "DecodeLimits[maxBytes="
        + maxBytes
        + ", maxDepth="
        + maxDepth
        + ", maxMetadata="
        + maxMetadata
        + ", maxStringLength="
        + maxStringLength
        + ", maxNesting="
        + maxNesting
        + "]";
  }
}
