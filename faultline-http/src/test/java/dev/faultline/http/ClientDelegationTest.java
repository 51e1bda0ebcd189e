package dev.faultline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The wrapped client is an HttpClient that answers every question as the original does. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientDelegationTest {
  @Test
  void everySettingOfTheOriginalIsVisibleThroughTheWrapper() {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      CookieManager cookies = new CookieManager();
      HttpClient original =
          HttpClient.newBuilder()
              .executor(executor)
              .cookieHandler(cookies)
              .connectTimeout(Duration.ofSeconds(3))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .proxy(ProxySelector.of(null))
              .version(HttpClient.Version.HTTP_1_1)
              .build();
      HttpClient wrapped = FaultlineHttpClient.wrap(original);
      assertThat(wrapped.executor()).containsSame(executor);
      assertThat(wrapped.cookieHandler()).containsSame(cookies);
      assertThat(wrapped.connectTimeout()).contains(Duration.ofSeconds(3));
      assertThat(wrapped.followRedirects()).isEqualTo(HttpClient.Redirect.NORMAL);
      assertThat(wrapped.proxy()).isEqualTo(original.proxy());
      assertThat(wrapped.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(wrapped.sslContext()).isSameAs(original.sslContext());
      assertThat(wrapped.authenticator()).isEqualTo(original.authenticator());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void wrappingTwiceGivesTheSameClientAndTheBuilderReplacesSettings() {
    HttpClient once = FaultlineHttpClient.wrap(HttpClient.newHttpClient());
    assertThat(FaultlineHttpClient.wrap(once)).isSameAs(once);
    HttpClient rebuilt = FaultlineHttpClient.builder(once).maxErrorBody(10).build();
    assertThat(((DecoratedHttpClient) rebuilt).delegate())
        .isSameAs(((DecoratedHttpClient) once).delegate());
  }

  @Test
  void aBadSettingFailsFastNamingIt() {
    assertThatThrownBy(
            () -> FaultlineHttpClient.builder(HttpClient.newHttpClient()).maxErrorBody(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxErrorBody");
  }

  @Test
  void onJava21AndLaterClosingTheWrapperClosesTheOriginal() throws Exception {
    Method close;
    try {
      close = HttpClient.class.getMethod("close");
    } catch (NoSuchMethodException e) {
      close = null;
    }
    assumeTrue(close != null, "HttpClient has no lifecycle before Java 21");
    HttpClient original = HttpClient.newHttpClient();
    HttpClient wrapped = FaultlineHttpClient.wrap(original);
    close.invoke(wrapped);
    Method isTerminated = HttpClient.class.getMethod("isTerminated");
    assertThat((boolean) isTerminated.invoke(original)).isTrue();
  }
}
