package dev.faultline.grpc;

import dev.faultline.context.CallContext;
import dev.faultline.context.Deadline;
import dev.faultline.grpc.internal.StatusDecoder;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.util.concurrent.TimeUnit;

/**
 * The client side of gRPC: every call carries the current {@code CallContext} (a {@code
 * traceparent} with a new span, the {@code tracestate}, and the remaining budget; a deadline in the
 * context becomes the call's deadline when it is the shorter), and a failed call carries the peer's
 * fault.
 *
 * <pre>{@code
 * Channel channel = ClientInterceptors.intercept(managedChannel, FaultlineClientInterceptor.create());
 * try {
 *   stub.getSku(request);
 * } catch (StatusRuntimeException e) {
 *   RemoteFaultException remote = (RemoteFaultException) e.getCause();   // the peer's chain
 *   if (Faults.hasCode(e, Code.NOT_FOUND)) { ... }
 * }
 * }</pre>
 *
 * <p>The failure a caller sees is what gRPC always gives it (a {@code StatusRuntimeException} from
 * blocking and future stubs, the same to an async observer's {@code onError}), with the same code,
 * description and trailers; its cause is a {@code RemoteFaultException} whose fault and causes come
 * from the status details: Faultline's own chain, or any peer's {@code google.rpc.Status} ({@code
 * ErrorInfo}, {@code RetryInfo}, {@code BadRequest}, …), else the code and description alone. A
 * status that already has a local cause (a connection that failed) keeps it. Decoding is bounded
 * and never throws.
 */
public final class FaultlineClientInterceptor implements ClientInterceptor {
  private final int maxDetailsBytes;

  private FaultlineClientInterceptor(int maxDetailsBytes) {
    this.maxDetailsBytes = maxDetailsBytes;
  }

  /** An interceptor with the default settings (details up to 64 KiB are decoded). */
  public static FaultlineClientInterceptor create() {
    return builder().build();
  }

  /** A builder for an interceptor with settings of its own. */
  public static Builder builder() {
    return new Builder();
  }

  /** Sends the current context with the call and decodes the peer's fault when it fails. */
  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    CallContext context = CallContext.current();
    return new FaultlineClientCall<>(
        next.newCall(method, withDeadline(options, context.deadline())),
        context,
        next.authority(),
        method.getFullMethodName(),
        maxDetailsBytes);
  }

  private static CallOptions withDeadline(
      CallOptions options, @org.jspecify.annotations.Nullable Deadline deadline) {
    if (deadline == null) {
      return options;
    }
    io.grpc.Deadline ours =
        io.grpc.Deadline.after(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    io.grpc.Deadline theirs = options.getDeadline();
    return theirs == null || ours.isBefore(theirs) ? options.withDeadline(ours) : options;
  }

  /** Settings of a {@link FaultlineClientInterceptor}. */
  public static final class Builder {
    private int maxDetailsBytes = StatusDecoder.DEFAULT_MAX_BYTES;

    private Builder() {}

    /**
     * The largest {@code grpc-status-details-bin} decoded (64 KiB by default); a larger one is
     * ignored and the fault, made from the status alone, is marked truncated.
     *
     * @throws IllegalArgumentException when smaller than 1 KiB
     */
    public Builder maxDetailsBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException(
            "maxDetailsBytes must be at least 1024, but was " + bytes);
      }
      this.maxDetailsBytes = bytes;
      return this;
    }

    /** The interceptor. */
    public FaultlineClientInterceptor build() {
      return new FaultlineClientInterceptor(maxDetailsBytes);
    }
  }
}
