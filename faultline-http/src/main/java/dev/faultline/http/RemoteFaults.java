package dev.faultline.http;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.context.Propagation;
import dev.faultline.context.TraceParent;
import dev.faultline.internal.Warnings;
import dev.faultline.wire.DecodeLimits;
import dev.faultline.wire.ForeignErrors;
import java.net.URI;
import java.net.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * Turns an error response into the peer's fault: decoded by {@link ForeignErrors} (our own
 * problem+json and every foreign format it knows), then named after the peer when the peer did not
 * say who it is, and stamped with the trace of the call when the peer sent no trace id of its own.
 */
final class RemoteFaults {
  private RemoteFaults() {}

  /**
   * The fault of this response; never throws (Faultline's own trouble gives the status's code).
   *
   * @param cut whether the body was longer than what was read
   * @param call the trace and span the request was sent with, when known
   */
  static Fault decode(
      int status,
      HttpHeaders headers,
      byte @Nullable [] body,
      boolean cut,
      URI peer,
      @Nullable TraceParent call,
      DecodeLimits limits) {
    try {
      return stamp(ForeignErrors.decode(status, headers.map(), body, limits), cut, peer, call);
    } catch (RuntimeException e) {
      Warnings.once("http-client.decode", "Faultline could not decode an HTTP error response", e);
      return Fault.builder(Code.fromHttpStatus(status))
          .metadata("httpStatus", Integer.toString(status))
          .build();
    }
  }

  private static Fault stamp(Fault fault, boolean cut, URI peer, @Nullable TraceParent call) {
    boolean markCut = cut && !fault.truncated();
    boolean needsService = fault.service() == null;
    boolean needsTrace = fault.traceId() == null && call != null;
    if (!markCut && !needsService && !needsTrace) {
      return fault;
    }
    var builder = fault.toBuilder();
    if (markCut) {
      builder.truncated(true);
    }
    if (needsService) {
      builder.service(peerName(peer));
    }
    if (needsTrace && call != null) {
      builder.traceId(call.traceId()).spanId(call.spanId());
    }
    return builder.build();
  }

  /** The peer as {@code host:port} (or the host alone), which is all a client knows of it. */
  static String peerName(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      String authority = uri.getAuthority();
      return authority != null ? authority : "unknown-peer";
    }
    return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
  }

  /** The trace and span of a sent request, from its traceparent header; null when it had none. */
  static @Nullable TraceParent sentWith(HttpHeaders requestHeaders) {
    return TraceParent.parse(requestHeaders.firstValue(Propagation.TRACEPARENT).orElse(null));
  }
}
