package dev.faultline.http;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.FaultException;
import dev.faultline.context.CallContext;
import dev.faultline.context.Deadline;
import dev.faultline.context.Propagation;
import dev.faultline.internal.FaultStamp;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request as the client sends it: a copy of the caller's with the current context injected
 * (traceparent of a new span, tracestate, {@value Propagation#BUDGET}) and, under a deadline, a
 * timeout no longer than the time left. The caller's request is never changed.
 */
final class OutgoingRequest {
  /** The reason of the fault for a call whose deadline had passed before it was sent. */
  static final String EXPIRED_REASON = "DEADLINE_EXPIRED_BEFORE_SEND";

  final HttpRequest request;
  final CallContext call;
  final @Nullable Duration remaining;

  private OutgoingRequest(HttpRequest request, CallContext call, @Nullable Duration remaining) {
    this.request = request;
    this.call = call;
    this.remaining = remaining;
  }

  /**
   * The request to send under {@code context}.
   *
   * @throws FaultException {@link Code#DEADLINE_EXCEEDED} when the deadline has already passed:
   *     nothing is sent then
   */
  static OutgoingRequest of(HttpRequest original, CallContext context) {
    Deadline deadline = context.deadline();
    Duration remaining = deadline == null ? null : deadline.remaining();
    if (remaining != null && remaining.isZero()) {
      throw expired(original, context).asException();
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(original, (name, value) -> true);
    CallContext call = Propagation.inject(context, builder, HttpRequest.Builder::setHeader);
    if (remaining != null && shorterThanTimeout(remaining, original.timeout())) {
      builder.timeout(remaining);
    }
    return new OutgoingRequest(builder.build(), call, remaining);
  }

  private static boolean shorterThanTimeout(Duration remaining, Optional<Duration> timeout) {
    return timeout.isEmpty() || remaining.compareTo(timeout.get()) < 0;
  }

  private static Fault expired(HttpRequest request, CallContext context) {
    Fault fault =
        Fault.builder(Code.DEADLINE_EXCEEDED)
            .reason(EXPIRED_REASON)
            .message("The deadline passed before the request was sent")
            .metadata("method", request.method())
            .metadata("peer", RemoteFaults.peerName(request.uri()))
            .build();
    return FaultStamp.stamp(fault, context);
  }
}
