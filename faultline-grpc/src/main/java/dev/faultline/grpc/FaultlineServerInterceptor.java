package dev.faultline.grpc;

import dev.faultline.Exposure;
import dev.faultline.HopPolicy;
import dev.faultline.internal.Settings;
import dev.faultline.journal.FaultJournal;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The server boundary for gRPC: the caller's {@code CallContext} (trace, and the earlier of the
 * gRPC deadline and {@code faultline-budget-ms}) is current in every listener callback, and a
 * failure becomes a {@code google.rpc.Status} in {@code grpc-status-details-bin} (only what the
 * exposure level allows) and one {@code SERVER} record in the fault journal.
 *
 * <pre>{@code
 * Server server = ServerBuilder.forPort(8080)
 *     .addService(ServerInterceptors.intercept(service, FaultlineServerInterceptor.create()))
 *     .build();
 * }</pre>
 *
 * <p>An exception thrown by the handler gets the code of its fault (never a bare {@code UNKNOWN}
 * for an exception Faultline can classify). A status the handler set itself (a thrown or {@code
 * onError}'d {@code StatusRuntimeException}, or {@code close}) keeps its code, description and
 * trailers exactly; Faultline only adds details, when it has none. A peer's fault that the handler
 * lets through (from a call made with {@link FaultlineClientInterceptor}) is answered by the {@link
 * HopPolicy}, with the peer's chain as its cause. The details never exceed 8 KiB on the wire.
 */
public final class FaultlineServerInterceptor implements ServerInterceptor {
  private final ServerBoundary boundary;

  private FaultlineServerInterceptor(ServerBoundary boundary) {
    this.boundary = boundary;
  }

  /**
   * An interceptor with the default settings: exposure from {@code faultline.exposure}, service
   * name from {@code faultline.service}, {@link HopPolicy#TRANSLATE}, the global journal.
   *
   * @throws IllegalArgumentException when {@code faultline.exposure} names no exposure level
   */
  public static FaultlineServerInterceptor create() {
    return builder().build();
  }

  /** A builder for an interceptor with settings of its own. */
  public static Builder builder() {
    return new Builder();
  }

  /** Makes the caller's context current for the call and answers its failures as faults. */
  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    return boundary.intercept(call, headers, next);
  }

  /** Settings of a {@link FaultlineServerInterceptor}; unset values come from the settings. */
  public static final class Builder {
    /** The setting that names this service when no name was given in code. */
    static final String SERVICE_SETTING = "faultline.service";

    private @Nullable String service;
    private @Nullable Exposure exposure;
    private @Nullable BiFunction<ServerCall<?, ?>, Metadata, Exposure> exposureFor;
    private HopPolicy hopPolicy = HopPolicy.TRANSLATE;
    private @Nullable FaultJournal journal;

    private Builder() {}

    /** The name of this service, stamped on its faults; {@code faultline.service} by default. */
    public Builder service(String name) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("service must not be blank");
      }
      this.service = name.strip();
      return this;
    }

    /** What status details carry; {@code faultline.exposure} ({@code PUBLIC}) by default. */
    public Builder exposure(Exposure level) {
      this.exposure = Objects.requireNonNull(level, "exposure");
      return this;
    }

    /**
     * Chooses the exposure per call, from the call and its request headers (a hook that throws or
     * answers null gives {@link Exposure#PUBLIC}).
     *
     * <pre>{@code
     * .exposureFor((call, headers) -> trusted(headers) ? Exposure.INTERNAL : Exposure.PUBLIC)
     * }</pre>
     */
    public Builder exposureFor(BiFunction<ServerCall<?, ?>, Metadata, Exposure> hook) {
      this.exposureFor = Objects.requireNonNull(hook, "exposureFor");
      return this;
    }

    /** How a peer's fault is answered; {@link HopPolicy#TRANSLATE} by default. */
    public Builder hopPolicy(HopPolicy policy) {
      this.hopPolicy = Objects.requireNonNull(policy, "hopPolicy");
      return this;
    }

    /** Where failures are recorded; the global journal by default. */
    public Builder journal(FaultJournal target) {
      this.journal = Objects.requireNonNull(target, "journal");
      return this;
    }

    /**
     * The interceptor.
     *
     * @throws IllegalArgumentException when {@code faultline.exposure} names no exposure level
     */
    public FaultlineServerInterceptor build() {
      return new FaultlineServerInterceptor(
          new ServerBoundary(
              service != null ? service : configuredService(),
              exposure != null ? exposure : Exposure.configured(),
              exposureFor,
              hopPolicy,
              journal != null ? journal : FaultJournal.global()));
    }

    private static @Nullable String configuredService() {
      String value = Settings.get(SERVICE_SETTING);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }
}
