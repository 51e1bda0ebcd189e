package dev.faultline;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** Faultline's own rules for the JDK's exceptions; asked after every registered classifier. */
final class JdkClassifier {
  private final boolean illegalArgumentIsInvalid;

  JdkClassifier(boolean illegalArgumentIsInvalid) {
    this.illegalArgumentIsInvalid = illegalArgumentIsInvalid;
  }

  /** The code that {@code t} itself implies, ignoring its causes, or null when it implies none. */
  @Nullable Code codeOf(Throwable t) {
    if (t instanceof HttpConnectTimeoutException
        || t instanceof ConnectException
        || t instanceof NoRouteToHostException
        || t instanceof PortUnreachableException
        || t instanceof UnknownHostException) {
      return Code.UNAVAILABLE;
    }
    if (t instanceof TimeoutException
        || t instanceof HttpTimeoutException
        || t instanceof SocketTimeoutException) {
      return Code.DEADLINE_EXCEEDED;
    }
    if (t instanceof CancellationException
        || t instanceof InterruptedException
        || t instanceof InterruptedIOException
        || t instanceof ClosedByInterruptException) {
      return Code.CANCELLED;
    }
    if (t instanceof SocketException) {
      return Code.UNAVAILABLE;
    }
    if (t instanceof RejectedExecutionException || t instanceof OutOfMemoryError) {
      return Code.RESOURCE_EXHAUSTED;
    }
    if (t instanceof UnsupportedOperationException) {
      return Code.UNIMPLEMENTED;
    }
    if (illegalArgumentIsInvalid && t instanceof IllegalArgumentException) {
      return Code.INVALID_ARGUMENT;
    }
    return null;
  }
}
