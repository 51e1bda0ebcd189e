package dev.faultline;

import org.jspecify.annotations.Nullable;

/**
 * An unchecked exception that carries a {@link Fault}. Throw one where a failure has a known code
 * and reason; every Faultline boundary turns it into that fault on the wire.
 *
 * <p>Without an explicit cause, the Java cause of the exception is the fault's {@link
 * Fault#cause()} as an exception of its own, so a stack trace shows the whole chain.
 */
public class FaultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Fault fault;

  /** An exception for {@code fault}, whose Java cause chain follows the fault's cause chain. */
  public FaultException(Fault fault) {
    this(fault, fault.cause() == null ? null : new FaultException(fault.cause()));
  }

  /** An exception for {@code fault} caused by {@code cause}, such as the exception it replaces. */
  public FaultException(Fault fault, @Nullable Throwable cause) {
    super(fault.toString(), cause);
    this.fault = fault;
  }

  /** The fault this exception carries. */
  public Fault fault() {
    return fault;
  }
}
