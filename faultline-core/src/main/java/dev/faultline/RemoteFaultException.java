package dev.faultline;

import dev.faultline.internal.StackFrames;
import org.jspecify.annotations.Nullable;

/**
 * What a Faultline client throws for a fault decoded from a peer's answer. Its {@link #getCause()}
 * is the next remote fault down the chain, again as a {@code RemoteFaultException}, so {@code
 * printStackTrace()} and every logging framework show each hop of the cross-service chain as a
 * {@code Caused by:} line that names the service:
 *
 * <pre>
 * dev.faultline.RemoteFaultException: [orders] INTERNAL INVENTORY_FAILED: Could not reserve stock
 *     at ... (where the client received it)
 * Caused by: dev.faultline.RemoteFaultException: [inventory] NOT_FOUND SKU_NOT_FOUND: No such SKU
 * </pre>
 *
 * <p>The causes carry the remote stack frames when the peer sent them (DEBUG exposure), and none
 * otherwise: a local stack would only point at the decoder.
 */
public class RemoteFaultException extends FaultException {
  private static final long serialVersionUID = 1L;

  /** An exception for a fault decoded from a peer, with the fault's chain as its cause chain. */
  public RemoteFaultException(Fault fault) {
    super(fault, causeOf(fault));
  }

  private RemoteFaultException(Fault fault, StackTraceElement[] remoteFrames) {
    super(fault, causeOf(fault));
    setStackTrace(remoteFrames);
  }

  private static @Nullable RemoteFaultException causeOf(Fault fault) {
    Fault cause = fault.cause();
    return cause == null
        ? null
        : new RemoteFaultException(cause, StackFrames.parse(cause.stackTrace()));
  }
}
