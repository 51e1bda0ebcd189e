package dev.faultline.http;

import dev.faultline.context.TraceParent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The plain JDK HttpClient, as a caller that knows nothing of Faultline. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  /** GETs {@code uri} with the given header name/value pairs. */
  static HttpResponse<byte[]> get(URI uri, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The response's {@code traceresponse}, parsed; fails the test when it is missing or invalid. */
  static TraceParent traceResponse(HttpResponse<?> response) {
    String value = response.headers().firstValue("traceresponse").orElseThrow();
    TraceParent parsed = TraceParent.parse(value);
    if (parsed == null) {
      throw new AssertionError("invalid traceresponse: " + value);
    }
    return parsed;
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
