package dev.faultline.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.HopPolicy;
import dev.faultline.journal.FaultJournal;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The server boundary for the JDK's {@code com.sun.net.httpserver.HttpServer}: the caller's {@code
 * CallContext} is current while the handler runs, every response carries a {@code traceresponse}
 * header, and an exception that escapes the handler becomes an {@code application/problem+json}
 * answer (only what the exposure level allows) and one {@code SERVER} record in the fault journal.
 *
 * <pre>{@code
 * server.createContext("/orders", handler).getFilters().add(FaultlineFilter.create());
 * }</pre>
 *
 * <p>A response that had already started when the handler failed cannot be rewritten: the failure
 * is recorded and rethrown, and the server aborts the connection as it would without Faultline.
 */
public final class FaultlineFilter extends Filter {
  private final ServerBoundary<HttpExchange> boundary;

  private FaultlineFilter(ServerBoundary<HttpExchange> boundary) {
    this.boundary = boundary;
  }

  /**
   * A filter with the default settings: exposure from {@code faultline.exposure}, service name from
   * {@code faultline.service}, {@link HopPolicy#TRANSLATE}, the global journal.
   *
   * @throws IllegalArgumentException when {@code faultline.exposure} names no exposure level
   */
  public static FaultlineFilter create() {
    return builder().build();
  }

  /** A builder for a filter with settings of its own. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs the rest of the chain with the caller's context and answers its failure as a fault. */
  @Override
  public void doFilter(HttpExchange exchange, Chain chain) {
    boundary.handle(exchange, new JdkExchange(exchange), () -> chain.doFilter(exchange));
  }

  /** Says what this filter does, for the server's listings. */
  @Override
  public String description() {
    return "Faultline: call context, traceresponse, and problem+json answers for failures";
  }

  /** Settings of a {@link FaultlineFilter}; unset values come from the process settings. */
  public static final class Builder {
    private final BoundarySettings<HttpExchange> settings = new BoundarySettings<>();

    private Builder() {}

    /**
     * The name of this service, put in the context and on every fault; default {@code
     * faultline.service}.
     */
    public Builder service(String service) {
      settings.service(service);
      return this;
    }

    /**
     * What a failure's answer may carry; default {@code Exposure.configured()}, read by {@link
     * #build()}.
     */
    public Builder exposure(Exposure exposure) {
      settings.exposure(exposure);
      return this;
    }

    /**
     * Chooses the exposure per request, for example {@code INTERNAL} for trusted internal callers.
     * A hook that throws or returns null gives {@code PUBLIC} (and the trouble is reported once).
     */
    public Builder exposureFor(Function<HttpExchange, Exposure> hook) {
      settings.exposureFor(hook);
      return this;
    }

    /** How a peer's fault becomes this service's answer; default {@link HopPolicy#TRANSLATE}. */
    public Builder hopPolicy(HopPolicy hopPolicy) {
      settings.hopPolicy(hopPolicy);
      return this;
    }

    /** Where failures are recorded; default {@link FaultJournal#global()}. */
    public Builder journal(FaultJournal journal) {
      settings.journal(journal);
      return this;
    }

    /** Replaces the problem encoder; for tests of Faultline's own trouble. */
    Builder encoder(BiFunction<Fault, Exposure, byte[]> encoder) {
      settings.encoder(encoder);
      return this;
    }

    /**
     * The filter.
     *
     * @throws IllegalArgumentException when no exposure was set and {@code faultline.exposure}
     *     names no exposure level
     */
    public FaultlineFilter build() {
      return new FaultlineFilter(settings.build());
    }
  }
}
