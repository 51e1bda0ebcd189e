package dev.faultline.internal;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The one Jackson streaming factory Faultline reads and writes with. Its parser refuses nesting
 * deeper than {@value #MAX_PARSER_NESTING} and strings longer than 1 MiB (it throws, and every
 * decoder catches and marks its result truncated); decoders apply their own, smaller {@code
 * DecodeLimits} on top.
 */
public final class Json {
  /** The deepest nesting the parser itself accepts. */
  public static final int MAX_PARSER_NESTING = 1000;

  /** The shared, thread-safe factory. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_PARSER_NESTING)
                  .maxStringLength(1 << 20)
                  .maxNameLength(1 << 16)
                  .maxNumberLength(256)
                  .build())
          .build();

  private Json() {}
}
