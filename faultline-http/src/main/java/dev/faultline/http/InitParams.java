package dev.faultline.http;

import dev.faultline.Exposure;
import jakarta.servlet.FilterConfig;

/** Reads the init-params of {@link FaultlineServletFilter} from {@code web.xml}. */
final class InitParams {
  /** The init-param that names the service. */
  static final String SERVICE = "service";

  /** The init-param that sets the exposure level. */
  static final String EXPOSURE = "exposure";

  private InitParams() {}

  /**
   * {@code settings} with the init-params applied.
   *
   * @throws IllegalArgumentException when a param has a bad value; the message names it
   */
  static <R> BoundarySettings<R> apply(FilterConfig config, BoundarySettings<R> settings) {
    String service = config.getInitParameter(SERVICE);
    if (service != null) {
      if (service.isBlank()) {
        throw new IllegalArgumentException("init-param " + SERVICE + " must not be blank");
      }
      settings.service(service);
    }
    String exposure = config.getInitParameter(EXPOSURE);
    if (exposure != null) {
      if (exposure.isBlank()) {
        throw new IllegalArgumentException("init-param " + EXPOSURE + " must not be blank");
      }
      settings.exposure(Exposure.parse(exposure, "init-param " + EXPOSURE));
    }
    return settings;
  }
}
