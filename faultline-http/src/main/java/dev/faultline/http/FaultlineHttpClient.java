package dev.faultline.http;

import dev.faultline.Fault;
import dev.faultline.RemoteFaultException;
import dev.faultline.journal.FaultJournal;
import dev.faultline.wire.DecodeLimits;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Faultline for the JDK's {@link HttpClient}: every request carries the current {@link
 * dev.faultline.context.CallContext} (traceparent of a new span, tracestate, remaining budget), a
 * deadline bounds the whole call, and an error response becomes a {@link RemoteFaultException} with
 * the peer's code, reason, trace id and cause chain, whatever produced it.
 *
 * <pre>{@code
 * HttpClient client = FaultlineHttpClient.wrap(HttpClient.newHttpClient());
 * try {
 *   HttpResponse<String> response = client.send(request, BodyHandlers.ofString());  // 2xx, 3xx
 * } catch (RemoteFaultException e) {                                               // 4xx, 5xx
 *   if (Faults.hasCode(e, Code.NOT_FOUND)) { ... }
 * }
 * }</pre>
 *
 * <p>Transport failures are thrown as the JDK throws them ({@code IOException}, {@code
 * InterruptedException}); {@link dev.faultline.Faults#classify} gives their codes.
 */
public final class FaultlineHttpClient {
  /** The most bytes of an error body read by default: 64 KiB. */
  public static final int DEFAULT_MAX_ERROR_BODY = 64 * 1024;

  private FaultlineHttpClient() {}

  /**
   * {@code client} with Faultline's default settings: statuses from 400 are errors, thrown as
   * {@link RemoteFaultException}, reading at most {@value #DEFAULT_MAX_ERROR_BODY} bytes of their
   * body. A client that is already wrapped is returned as it is.
   */
  public static HttpClient wrap(HttpClient client) {
    Objects.requireNonNull(client, "client");
    return client instanceof DecoratedHttpClient ? client : builder(client).build();
  }

  /** A builder for a wrapped {@code client} with settings of your own. */
  public static Builder builder(HttpClient client) {
    Objects.requireNonNull(client, "client");
    return new Builder(
        client instanceof DecoratedHttpClient ? ((DecoratedHttpClient) client).delegate() : client);
  }

  /**
   * The peer's fault in an error response read in return mode ({@code throwOnError(false)}) or by a
   * plain client: decoded from the status, headers and {@code body} (at most {@value
   * #DEFAULT_MAX_ERROR_BODY} bytes of it), named after the peer and stamped with the request's
   * trace when the peer sent none.
   *
   * <pre>{@code
   * HttpResponse<byte[]> response = client.send(request, BodyHandlers.ofByteArray());
   * if (response.statusCode() >= 400) {
   *   throw new RemoteFaultException(FaultlineHttpClient.faultOf(response, response.body()));
   * }
   * }</pre>
   */
  public static Fault faultOf(HttpResponse<?> response, byte @Nullable [] body) {
    return RemoteFaults.decode(
        response.statusCode(),
        response.headers(),
        body,
        false,
        response.uri(),
        RemoteFaults.sentWith(response.request().headers()),
        DecodeLimits.DEFAULT.withMaxBytes(DEFAULT_MAX_ERROR_BODY));
  }

  /**
   * The peer's fault in {@code response}, reading its body when it is a {@code byte[]} or a {@code
   * String} (as UTF-8); any other body is not read and the fault comes from status and headers.
   */
  public static Fault faultOf(HttpResponse<?> response) {
    Object body = response.body();
    byte[] bytes =
        body instanceof byte[]
            ? (byte[]) body
            : body instanceof String ? ((String) body).getBytes(StandardCharsets.UTF_8) : null;
    return faultOf(response, bytes);
  }

  /**
   * Settings of a wrapped client. Each setting fails fast on a bad value, naming itself.
   *
   * <pre>{@code
   * HttpClient client = FaultlineHttpClient.builder(HttpClient.newHttpClient())
   *     .isError(status -> status >= 500)
   *     .maxErrorBody(16 * 1024)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final HttpClient client;
    private IntPredicate isError = status -> status >= 400;
    private boolean throwOnError = true;
    private int maxErrorBody = DEFAULT_MAX_ERROR_BODY;
    private @Nullable FaultJournal journal;

    private Builder(HttpClient client) {
      this.client = client;
    }

    /** Which statuses are errors; by default every status from 400. */
    public Builder isError(IntPredicate isError) {
      this.isError = Objects.requireNonNull(isError, "isError");
      return this;
    }

    /**
     * Whether an error response is thrown as a {@link RemoteFaultException} (the default) or
     * returned to the caller's body handler as usual, to read with {@link #faultOf}.
     */
    public Builder throwOnError(boolean throwOnError) {
      this.throwOnError = throwOnError;
      return this;
    }

    /**
     * The most bytes of an error body read (by default {@value #DEFAULT_MAX_ERROR_BODY}); beyond it
     * the client stops reading and closes the connection, and the fault says {@code truncated}.
     */
    public Builder maxErrorBody(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxErrorBody must not be negative: " + bytes);
      }
      this.maxErrorBody = bytes;
      return this;
    }

    /**
     * Where a peer's fault goes when it arrives after the caller stopped waiting, so nobody else
     * can see it; by default {@link FaultJournal#global()}.
     */
    public Builder journal(FaultJournal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /** The wrapped client: an {@link HttpClient} that delegates every method to the original. */
    public HttpClient build() {
      return new DecoratedHttpClient(
          client, new ClientSettings(isError, throwOnError, maxErrorBody, journal));
    }
  }
}
