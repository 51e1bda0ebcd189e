package dev.faultline.grpc;

import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.FaultException;
import dev.faultline.context.CallContext;
import dev.faultline.grpc.internal.StatusDetails;
import dev.faultline.internal.ServerFaults;
import dev.faultline.internal.Text;
import dev.faultline.internal.Warnings;
import io.grpc.Context;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One server call seen by Faultline: every failing close gets status details, and each failure is
 * recorded once. A status the handler set itself keeps its code, description and trailers; a thrown
 * exception, and a peer's fault the handler let through, become the hop policy's fault.
 */
final class BoundaryCall<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
  final CallContext context;
  private final ServerBoundary boundary;
  private final Metadata headers;
  private final Context grpcContext;
  private final AtomicBoolean recorded = new AtomicBoolean();
  private volatile boolean closed;

  BoundaryCall(
      ServerCall<Q, R> call,
      ServerBoundary boundary,
      CallContext context,
      Metadata headers,
      Context grpcContext) {
    super(call);
    this.boundary = boundary;
    this.context = context;
    this.headers = headers;
    this.grpcContext = grpcContext;
  }

  @Override
  public void close(Status status, Metadata trailers) {
    if (closed || status.isOk()) {
      closed = true;
      super.close(status, trailers);
      return;
    }
    Throwable cause = status.getCause();
    if (cause != null && (carriesFault(cause) || isBareException(status))) {
      fail(cause);
    } else {
      closeKept(status, trailers);
    }
  }

  /** A failure thrown by the handler, or passed on from a peer: answered as a fault. */
  void fail(Throwable thrown) {
    if (isStatus(thrown) && !carriesFault(thrown)) {
      Status status = Status.fromThrowable(thrown);
      Metadata trailers = Status.trailersFromThrowable(thrown);
      closeKept(status, trailers == null ? new Metadata() : trailers);
      return;
    }
    Fault fault = ServerFaults.answer(boundary.hopPolicy, thrown, context);
    if (closed || grpcContext.isCancelled()) {
      record(grpcContext.isCancelled() ? cancellation(fault) : fault, thrown);
      return;
    }
    Status status = Status.fromCodeValue(fault.code().grpcNumber()).withCause(thrown);
    Metadata trailers = new Metadata();
    com.google.rpc.Status details = details(fault, null, 0);
    if (details != null) {
      status = status.withDescription(details.getMessage());
      trailers.put(StatusDetails.KEY, details.toByteArray());
    } else {
      status = status.withDescription(Text.cut(fault.message(), 1024));
    }
    record(fault, thrown);
    closed = true;
    super.close(status, trailers);
  }

  /** A status the handler set: code, description and trailers as they are, details added. */
  private void closeKept(Status status, Metadata trailers) {
    Fault fault = ServerBoundary.keptFault(status, context);
    if (!trailers.containsKey(StatusDetails.KEY) && !grpcContext.isCancelled()) {
      String description = status.getDescription();
      com.google.rpc.Status details =
          details(fault, description == null ? "" : description, StatusDetails.sizeOf(trailers));
      if (details != null) {
        trailers.put(StatusDetails.KEY, details.toByteArray());
      }
    }
    record(grpcContext.isCancelled() ? cancellation(fault) : fault, status.getCause());
    closed = true;
    super.close(status, trailers);
  }

  /** Records a call the caller cancelled, or whose deadline passed, unless already recorded. */
  void cancelled() {
    record(cancellation(null), null);
  }

  private Fault cancellation(@Nullable Fault fault) {
    io.grpc.Deadline deadline = grpcContext.getDeadline();
    boolean expired =
        (deadline != null && deadline.isExpired())
            || grpcContext.cancellationCause() instanceof TimeoutException;
    return expired
        ? ServerFaults.deadlineExceeded(fault, context)
        : ServerFaults.callerGone(fault, context);
  }

  private com.google.rpc.@Nullable Status details(
      Fault fault, @Nullable String description, int otherTrailers) {
    try {
      Exposure exposure = boundary.exposureOf(delegate(), headers);
      return StatusDetails.fitted(fault, exposure, description, otherTrailers);
    } catch (RuntimeException | LinkageError e) {
      Warnings.once("grpc.server.details", "Faultline could not encode status details", e);
      return null;
    }
  }

  private void record(Fault fault, @Nullable Throwable failure) {
    if (recorded.compareAndSet(false, true)) {
      boundary.record(fault, failure, getMethodDescriptor().getFullMethodName());
    }
  }

  /** Whether the status was made by {@code onError} from an exception that is no status. */
  private static boolean isBareException(Status status) {
    return status.getCode() == Status.Code.UNKNOWN
        && status.getDescription() == null
        && !isStatus(status.getCause());
  }

  private static boolean isStatus(@Nullable Throwable t) {
    return t instanceof StatusRuntimeException || t instanceof StatusException;
  }

  /** Whether a Faultline fault is in the chain: a peer's, passed on through our client. */
  private static boolean carriesFault(Throwable thrown) {
    Throwable t = thrown;
    for (int i = 0; t != null && i < 16; i++, t = t.getCause()) {
      if (t instanceof FaultException) {
        return true;
      }
    }
    return false;
  }
}
