package dev.faultline.grpc;

import dev.faultline.Fault;
import dev.faultline.FaultBuilder;
import dev.faultline.RemoteFaultException;
import dev.faultline.context.CallContext;
import dev.faultline.context.Propagation;
import dev.faultline.context.TraceParent;
import dev.faultline.grpc.internal.StatusDecoder;
import dev.faultline.internal.Warnings;
import io.grpc.ClientCall;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.Status;
import org.jspecify.annotations.Nullable;

/** One outgoing call: sends the context, and gives a failed status the peer's fault as cause. */
final class FaultlineClientCall<Q, R>
    extends ForwardingClientCall.SimpleForwardingClientCall<Q, R> {
  private final CallContext context;
  private final @Nullable String authority;
  private final String method;
  private final int maxDetailsBytes;

  FaultlineClientCall(
      ClientCall<Q, R> call,
      CallContext context,
      @Nullable String authority,
      String method,
      int maxDetailsBytes) {
    super(call);
    this.context = context;
    this.authority = authority;
    this.method = method;
    this.maxDetailsBytes = maxDetailsBytes;
  }

  @Override
  public void start(Listener<R> listener, Metadata headers) {
    TraceParent sent = null;
    try {
      sent = Propagation.inject(context, headers, MetadataHeaders.SETTER).traceParent();
    } catch (RuntimeException e) {
      Warnings.once("grpc.client.inject", "Faultline could not send a call's context", e);
    }
    super.start(new Decoding(listener, sent), headers);
  }

  /** The listener that attaches the peer's fault to a failed status. */
  private final class Decoding
      extends ForwardingClientCallListener.SimpleForwardingClientCallListener<R> {
    private final @Nullable TraceParent sent;

    Decoding(Listener<R> listener, @Nullable TraceParent sent) {
      super(listener);
      this.sent = sent;
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      super.onClose(
          status.isOk() || status.getCause() != null ? status : withFault(status, trailers),
          trailers);
    }

    private Status withFault(Status status, Metadata trailers) {
      try {
        return status.withCause(
            new RemoteFaultException(
                stamp(StatusDecoder.decode(status, trailers, maxDetailsBytes))));
      } catch (RuntimeException | LinkageError e) {
        Warnings.once("grpc.client.decode", "Faultline could not decode a call's status", e);
        return status;
      }
    }

    /** Names the peer and the trace of the call where the fault does not. */
    private Fault stamp(Fault fault) {
      boolean needsService = fault.service() == null;
      boolean needsTrace = fault.traceId() == null && sent != null;
      if (!needsService && !needsTrace) {
        return fault;
      }
      FaultBuilder b = fault.toBuilder();
      if (needsService) {
        b.service(authority == null || authority.isBlank() ? "unknown-peer" : authority);
        if (!fault.metadata().containsKey("method")) {
          b.metadata("method", method);
        }
      }
      if (needsTrace && sent != null) {
        b.traceId(sent.traceId()).spanId(sent.spanId());
      }
      return b.build();
    }
  }
}
