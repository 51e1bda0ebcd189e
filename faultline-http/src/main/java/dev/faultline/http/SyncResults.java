package dev.faultline.http;

import dev.faultline.RemoteFaultException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waits for an exchange on the caller's thread and throws what the JDK's own {@code send} throws:
 * an {@link InterruptedException} when interrupted (after cancelling the exchange), the failure's
 * {@link IOException} type re-made on this thread so the stack shows the caller, and a {@link
 * RemoteFaultException} for a peer's fault.
 */
final class SyncResults {
  private SyncResults() {}

  static <T> T await(CompletableFuture<T> exchange) throws IOException, InterruptedException {
    try {
      return exchange.get();
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw rethrow(e.getCause() != null ? e.getCause() : e);
    }
  }

  /**
   * Throws {@code failure} as the JDK's {@code send} would; declared to return for {@code throw}.
   */
  private static IOException rethrow(Throwable failure) throws IOException {
    if (failure instanceof RemoteFaultException) {
      throw new RemoteFaultException(((RemoteFaultException) failure).fault());
    }
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    String message = failure.getMessage();
    IOException copy;
    if (failure instanceof HttpConnectTimeoutException) {
      copy = new HttpConnectTimeoutException(message);
    } else if (failure instanceof HttpTimeoutException) {
      copy = new HttpTimeoutException(message);
    } else if (failure instanceof ConnectException) {
      copy = new ConnectException(message);
    } else {
      return new IOException(message, failure);
    }
    copy.initCause(failure);
    return copy;
  }
}
