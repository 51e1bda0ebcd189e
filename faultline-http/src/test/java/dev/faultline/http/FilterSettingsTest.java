package dev.faultline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import dev.faultline.Exposure;
import dev.faultline.context.CallContext;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How both filters read their settings: fail fast on a bad value, naming it. */
@Timeout(30)
class FilterSettingsTest {
  @AfterEach
  void clearSettings() {
    System.clearProperty(Exposure.PROPERTY);
    System.clearProperty(BoundarySettings.SERVICE_SETTING);
  }

  @Test
  void failsFastNamingTheSettingWhenTheExposureSettingIsBad() {
    System.setProperty(Exposure.PROPERTY, "LOUD");

    assertThatThrownBy(FaultlineFilter::create)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("faultline.exposure");
    assertThatThrownBy(FaultlineServletFilter::create).hasMessageContaining("faultline.exposure");
    assertThat(FaultlineFilter.builder().exposure(Exposure.PUBLIC).build()).isNotNull();
  }

  @Test
  void takesTheServiceNameFromTheSettingWhenNoneIsGiven() throws Exception {
    System.setProperty(BoundarySettings.SERVICE_SETTING, "billing");
    AtomicReference<String> service = new AtomicReference<>();
    HttpHandler handler =
        exchange -> {
          service.set(CallContext.current().service());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        };
    try (JdkServer server = JdkServer.start(handler, FaultlineFilter.create())) {
      assertThat(Http.get(server.uri("/")).statusCode()).isEqualTo(204);
      assertThat(service.get()).isEqualTo("billing");
    }
  }

  @Test
  void failsInitNamingTheInitParamWhenItsValueIsBad() {
    FaultlineServletFilter filter = new FaultlineServletFilter();

    assertThatThrownBy(() -> filter.init(config(Map.of("exposure", "SECRET"))))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("init-param exposure");
    assertThatThrownBy(() -> filter.init(config(Map.of("service", " "))))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("init-param service");
  }

  @Test
  void anInitParamOverridesABadExposureSetting() throws Exception {
    System.setProperty(Exposure.PROPERTY, "LOUD");
    FaultlineServletFilter filter = new FaultlineServletFilter();

    filter.init(config(Map.of("exposure", "internal")));

    assertThatThrownBy(() -> new FaultlineServletFilter().init(config(Map.of())))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("faultline.exposure");
  }

  /** A filter configuration with these init-params, as a container gives one. */
  static FilterConfig config(Map<String, String> params) {
    return new FilterConfig() {
      @Override
      public String getFilterName() {
        return "faultline";
      }

      @Override
      public ServletContext getServletContext() {
        throw new UnsupportedOperationException("not needed by the filter");
      }

      @Override
      public String getInitParameter(String name) {
        return params.get(name);
      }

      @Override
      public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(params.keySet());
      }
    };
  }
}
