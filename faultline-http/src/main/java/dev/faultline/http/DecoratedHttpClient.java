package dev.faultline.http;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The client {@link FaultlineHttpClient} returns: every method delegates to the wrapped client;
 * {@code send} and {@code sendAsync} go through a {@link ClientCall}. The Java 21 lifecycle methods
 * ({@code close}, {@code shutdown}, …) are declared without {@code @Override}, since Java 17 lacks
 * them; on Java 21+ they override {@link HttpClient}'s and reach the wrapped client.
 */
final class DecoratedHttpClient extends HttpClient {
  private final HttpClient delegate;
  private final ClientSettings settings;

  DecoratedHttpClient(HttpClient delegate, ClientSettings settings) {
    this.delegate = delegate;
    this.settings = settings;
  }

  HttpClient delegate() {
    return delegate;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return SyncResults.await(ClientCall.start(delegate, settings, request, handler, null));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, BodyHandler<T> handler) {
    return ClientCall.start(delegate, settings, request, handler, null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, BodyHandler<T> handler, PushPromiseHandler<T> push) {
    return ClientCall.start(delegate, settings, request, handler, push);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  /** The wrapped client's WebSocket builder, unchanged: WebSockets get no context headers. */
  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  /** Closes the wrapped client (Java 21+; nothing to close on Java 17). */
  public void close() {
    ClientLifecycle.close(delegate);
  }

  /** Starts an orderly shutdown of the wrapped client (Java 21+). */
  public void shutdown() {
    ClientLifecycle.shutdown(delegate);
  }

  /** Shuts the wrapped client down at once (Java 21+). */
  public void shutdownNow() {
    ClientLifecycle.shutdownNow(delegate);
  }

  /** Waits for the wrapped client to terminate (Java 21+; true at once on Java 17). */
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    return ClientLifecycle.awaitTermination(delegate, duration);
  }

  /** Whether the wrapped client has terminated (Java 21+; false on Java 17). */
  public boolean isTerminated() {
    return ClientLifecycle.isTerminated(delegate);
  }

  @Override
  public String toString() {
    return "FaultlineHttpClient[" + delegate + "]";
  }
}
