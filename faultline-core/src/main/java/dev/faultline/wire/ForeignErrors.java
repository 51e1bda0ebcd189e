package dev.faultline.wire;

import dev.faultline.Fault;
import dev.faultline.internal.foreign.ForeignDecoding;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns any HTTP error response, whatever produced it (Spring, ASP.NET Core, FastAPI, Express,
 * GraphQL, Google APIs, grpc-gateway, Kubernetes, AWS, Stripe, GitHub, nginx, Envoy, …), into a
 * {@link Fault} with a canonical {@link dev.faultline.Code}. A code carried in the body beats the
 * HTTP status; what the remote said (its application code, message, request and trace ids, retry
 * delay) is kept. See {@code docs/foreign-errors.md} for the formats and the rules.
 *
 * <pre>{@code
 * HttpResponse<byte[]> response = client.send(request, BodyHandlers.ofByteArray());
 * if (response.statusCode() >= 400) {
 *   Fault fault = ForeignErrors.decode(
 *       response.statusCode(), response.headers().map(), response.body());
 *   throw fault.asException();
 * }
 * }</pre>
 *
 * <p>Decoding never throws and is bounded: at most {@link DecodeLimits#maxBytes()} of the body are
 * read. Formats of your own are added with a {@link ForeignErrorDecoder}.
 */
public final class ForeignErrors {
  private ForeignErrors() {}

  /** The fault that this response describes, read within {@link DecodeLimits#DEFAULT}. */
  public static Fault decode(
      int status, @Nullable Map<String, List<String>> headers, byte @Nullable [] body) {
    return decode(status, headers, body, DecodeLimits.DEFAULT);
  }

  /** The fault that this response describes, read within {@code limits}; never throws. */
  public static Fault decode(
      int status,
      @Nullable Map<String, List<String>> headers,
      byte @Nullable [] body,
      @Nullable DecodeLimits limits) {
    return ForeignDecoding.decode(
        status, headers, body, limits != null ? limits : DecodeLimits.DEFAULT);
  }
}
