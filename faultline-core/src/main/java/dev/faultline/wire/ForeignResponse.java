package dev.faultline.wire;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP error response as a {@link ForeignErrorDecoder} sees it: status, headers looked up
 * without regard to case (as {@code java.net.http.HttpHeaders} does), and a body already cut to
 * {@link DecodeLimits#maxBytes()}. The body is parsed as JSON at most once, on first use of {@link
 * #json()}, into a bounded, immutable tree.
 */
public interface ForeignResponse {
  /** The HTTP status code, as received (possibly not an error status, such as 200 for GraphQL). */
  int status();

  /** The first value of the header {@code name} (any case), or {@code null} when absent. */
  @Nullable String header(String name);

  /** Every value of the header {@code name} (any case), in order; empty when absent. */
  List<String> headers(String name);

  /** The body, cut to {@link DecodeLimits#maxBytes()}; a fresh copy on each call. */
  byte[] body();

  /** Whether the body was longer than {@link DecodeLimits#maxBytes()} and was cut. */
  boolean bodyTruncated();

  /** The body decoded as UTF-8 (malformed bytes replaced), computed once. */
  String bodyText();

  /**
   * The body as a JSON tree, or {@code null} when it is not JSON: {@code Map<String, Object>} (in
   * member order), {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean} or {@code
   * null}, all immutable. Strings are cut to {@link DecodeLimits#maxStringLength()}, containers
   * nested deeper than {@link DecodeLimits#maxNesting()} are dropped, and each container keeps at
   * most a few hundred members. A body cut in the middle gives the part read so far.
   */
  @Nullable Object json();

  /** The limits this response is read with. */
  DecodeLimits limits();
}
