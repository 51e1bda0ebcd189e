package dev.faultline.http;

import dev.faultline.Fault;
import dev.faultline.FaultException;
import dev.faultline.RemoteFaultException;
import dev.faultline.context.CallContext;
import dev.faultline.internal.Warnings;
import dev.faultline.journal.FaultKind;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * One exchange through a decorated client: sends the {@link OutgoingRequest}, turns an error
 * response into a {@link RemoteFaultException}, ends the call when its deadline passes, and aborts
 * the exchange when the caller stops waiting (its future was cancelled or completed first).
 *
 * <p>Outcomes given to the caller are not journaled: the caller observed them. A peer's fault that
 * arrives after the caller stopped waiting reaches nobody, so it goes to the journal once, as
 * {@link FaultKind#CLIENT}.
 */
final class ClientCall<T> {
  private final ClientSettings settings;
  private final OutgoingRequest outgoing;
  private final CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();

  private ClientCall(ClientSettings settings, OutgoingRequest outgoing) {
    this.settings = settings;
    this.outgoing = outgoing;
  }

  /** Starts the exchange; the future completes as the JDK's {@code sendAsync} would. */
  static <T> CompletableFuture<HttpResponse<T>> start(
      HttpClient delegate,
      ClientSettings settings,
      HttpRequest request,
      BodyHandler<T> handler,
      @Nullable PushPromiseHandler<T> push) {
    OutgoingRequest outgoing;
    try {
      outgoing = OutgoingRequest.of(request, CallContext.current());
    } catch (FaultException expired) {
      return CompletableFuture.failedFuture(expired);
    }
    ClientCall<T> call = new ClientCall<>(settings, outgoing);
    call.send(delegate, handler, push);
    return call.result;
  }

  private void send(
      HttpClient delegate, BodyHandler<T> handler, @Nullable PushPromiseHandler<T> push) {
    BodyHandler<Object> wrapped =
        settings.throwOnError()
            ? new ErrorAwareHandler<>(handler, settings.isError(), settings.maxErrorBody())
            : info -> ErrorAwareHandler.erase(handler.apply(info));
    CompletableFuture<HttpResponse<Object>> exchange =
        push == null
            ? delegate.sendAsync(outgoing.request, wrapped)
            : delegate.sendAsync(outgoing.request, wrapped, erase(push));
    ScheduledFuture<?> timer = armDeadline(exchange);
    exchange.whenComplete(
        (response, failure) -> {
          if (timer != null) {
            timer.cancel(false);
          }
          try {
            finish(response, failure);
          } catch (RuntimeException | Error e) {
            // Our own trouble must never leave the caller waiting forever.
            Warnings.once("http-client.finish", "Faultline could not complete an HTTP call", e);
            result.completeExceptionally(failure != null ? failure : e);
          }
        });
    result.whenComplete(
        (response, failure) -> {
          if (!exchange.isDone()) {
            exchange.cancel(true);
          }
        });
  }

  private @Nullable ScheduledFuture<?> armDeadline(CompletableFuture<?> exchange) {
    if (outgoing.remaining == null) {
      return null;
    }
    return DeadlineWatchdog.schedule(
        outgoing.remaining,
        () -> {
          result.completeExceptionally(
              new HttpTimeoutException("request timed out: the caller's deadline passed"));
          exchange.cancel(true);
        });
  }

  private void finish(@Nullable HttpResponse<Object> response, @Nullable Throwable failure) {
    if (failure != null) {
      // A failure after the caller stopped waiting is our own abort of the exchange: not journaled.
      result.completeExceptionally(unwrap(failure));
      return;
    }
    HttpResponse<Object> r = Objects.requireNonNull(response, "response");
    if (!(r.body() instanceof ErrorBody)) {
      result.complete(restore(r));
      return;
    }
    Fault fault = decode(r, (ErrorBody) r.body());
    if (!result.completeExceptionally(new RemoteFaultException(fault))) {
      settings.journalOrGlobal().report(FaultKind.CLIENT, fault, null, null);
    }
  }

  private Fault decode(HttpResponse<Object> response, ErrorBody body) {
    return RemoteFaults.decode(
        response.statusCode(),
        response.headers(),
        body.bytes(),
        body.cut(),
        outgoing.request.uri(),
        outgoing.call.traceParent(),
        settings.limits());
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** The response as the caller's type: its body came from the caller's own handler. */
  @SuppressWarnings("unchecked")
  private HttpResponse<T> restore(HttpResponse<Object> response) {
    return (HttpResponse<T>) (HttpResponse<?>) response;
  }

  @SuppressWarnings("unchecked")
  private static <T> PushPromiseHandler<Object> erase(PushPromiseHandler<T> push) {
    return (PushPromiseHandler<Object>) (PushPromiseHandler<?>) push;
  }
}
