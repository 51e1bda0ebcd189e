package dev.faultline.http;

import dev.faultline.Exposure;
import dev.faultline.HopPolicy;
import dev.faultline.journal.FaultJournal;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The server boundary for Servlet containers (Jakarta Servlet 6): the same behaviour as {@link
 * FaultlineFilter}. The caller's {@code CallContext} is current while the servlet runs, every
 * response carries {@code traceresponse}, and an exception that escapes the servlet (a {@code
 * ServletException} is seen through to its cause) becomes an {@code application/problem+json}
 * answer and one {@code SERVER} record in the fault journal.
 *
 * <p>In {@code web.xml}, map it to {@code /*} for the {@code REQUEST} dispatch; the init-params
 * {@code service} and {@code exposure} override the settings {@code faultline.service} and {@code
 * faultline.exposure}. In code: {@code new FilterHolder(FaultlineServletFilter.create())}.
 *
 * <p>Async servlets: the synchronous part of the servlet runs in the context and its failure is
 * answered (and the async request completed). Work on other threads sees the context only when
 * wrapped ({@code CallContext.current().wrap(task)}); a failure there is the container's to handle.
 */
public final class FaultlineServletFilter implements Filter {
  /** The request attribute that marks a request this filter already handles. */
  private static final String HANDLED = FaultlineServletFilter.class.getName() + ".handled";

  private final BoundarySettings<HttpServletRequest> settings;
  private volatile @Nullable ServerBoundary<HttpServletRequest> boundary;

  /** A filter with the default settings, for {@code web.xml}; {@link #init} reads init-params. */
  public FaultlineServletFilter() {
    this.settings = new BoundarySettings<>();
  }

  private FaultlineServletFilter(BoundarySettings<HttpServletRequest> settings) {
    this.settings = settings;
    this.boundary = settings.build();
  }

  /**
   * A filter with the default settings, as {@link FaultlineFilter#create()}.
   *
   * @throws IllegalArgumentException when {@code faultline.exposure} names no exposure level
   */
  public static FaultlineServletFilter create() {
    return builder().build();
  }

  /** A builder for a filter with settings of its own. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Applies the init-params {@code service} and {@code exposure} when present.
   *
   * @throws ServletException when an init-param has a bad value, naming the param
   */
  @Override
  public void init(FilterConfig config) throws ServletException {
    try {
      boundary = InitParams.apply(config, settings.copy()).build();
    } catch (IllegalArgumentException e) {
      throw new ServletException("FaultlineServletFilter: " + e.getMessage(), e);
    }
  }

  /** Runs the rest of the chain with the caller's context and answers its failure as a fault. */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest)
        || !(response instanceof HttpServletResponse)
        || request.getAttribute(HANDLED) != null) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest http = (HttpServletRequest) request;
    http.setAttribute(HANDLED, Boolean.TRUE);
    ServletExchange exchange = new ServletExchange(http, (HttpServletResponse) response);
    boundary().handle(http, exchange, () -> chain.doFilter(request, response));
  }

  private ServerBoundary<HttpServletRequest> boundary() {
    ServerBoundary<HttpServletRequest> built = boundary;
    if (built == null) {
      built = settings.build();
      boundary = built;
    }
    return built;
  }

  /** Settings of a {@link FaultlineServletFilter}; unset values come from the process settings. */
  public static final class Builder {
    private final BoundarySettings<HttpServletRequest> settings = new BoundarySettings<>();

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
    public Builder exposureFor(Function<HttpServletRequest, Exposure> hook) {
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

    /**
     * The filter.
     *
     * @throws IllegalArgumentException when no exposure was set and {@code faultline.exposure}
     *     names no exposure level
     */
    public FaultlineServletFilter build() {
      return new FaultlineServletFilter(settings.copy());
    }
  }
}
