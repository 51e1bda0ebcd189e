package dev.faultline.internal.foreign;

import dev.faultline.Code;
import dev.faultline.wire.DecodeLimits;
import dev.faultline.wire.ForeignResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The response as decoders see it: headers copied case-insensitively, the body cut to the byte
 * limit, its text and JSON tree computed once on first use. Meant for one thread, one decode.
 */
final class BoundedResponse implements ForeignResponse {
  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final boolean truncated;
  private final DecodeLimits limits;
  private @Nullable String text;
  private @Nullable Object json;
  private boolean jsonRead;

  BoundedResponse(
      int status,
      @Nullable Map<String, List<String>> headers,
      byte @Nullable [] body,
      DecodeLimits limits) {
    this.status = status;
    this.headers = new Headers(headers);
    byte[] bytes = body != null ? body : new byte[0];
    this.truncated = bytes.length > limits.maxBytes();
    this.body = truncated ? Arrays.copyOf(bytes, limits.maxBytes()) : bytes;
    this.limits = limits;
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public @Nullable String header(String name) {
    return headers.first(name);
  }

  @Override
  public List<String> headers(String name) {
    return headers.all(name);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean bodyTruncated() {
    return truncated;
  }

  @Override
  public String bodyText() {
    if (text == null) {
      text = new String(body, StandardCharsets.UTF_8);
    }
    return text;
  }

  @Override
  public @Nullable Object json() {
    if (!jsonRead) {
      jsonRead = true;
      json = JsonTree.parse(body, body.length, limits.maxStringLength(), limits.maxNesting());
    }
    return json;
  }

  @Override
  public DecodeLimits limits() {
    return limits;
  }

  /** The body bytes themselves, not copied, for decoders in this package. */
  byte[] rawBody() {
    return body;
  }

  /** Whether some header's name starts with {@code prefix}, ignoring case. */
  boolean hasHeaderStartingWith(String prefix) {
    return headers.anyStartingWith(prefix);
  }

  /** Whether {@code header} contains {@code part}, ignoring case. */
  boolean headerContains(String header, String part) {
    return RemoteText.containsIgnoreCase(header(header), part);
  }

  /**
   * The code the status alone implies ({@link Code#fromHttpStatus}), except that a 403 or 429 with
   * {@code X-RateLimit-Remaining: 0} is {@link Code#RESOURCE_EXHAUSTED}.
   */
  Code statusCode() {
    if ((status == 403 || status == 429) && HeaderSignals.rateLimitSpent(this)) {
      return Code.RESOURCE_EXHAUSTED;
    }
    return Code.fromHttpStatus(status);
  }
}
