package dev.faultline.wire;

import static dev.faultline.wire.Responses.decode;
import static dev.faultline.wire.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Proxies, HTML pages, and what any response's headers and status say. */
class ForeignErrorsProxiesAndHeadersTest {
  @Test
  void treatsAnEnvoyUpstreamTimeoutAsDeadlineExceeded() {
    Fault fault = decode(504, "upstream request timeout", "server", "envoy");

    assertThat(fault.code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(fault.reason()).isEqualTo("UPSTREAM_REQUEST_TIMEOUT");
    assertThat(fault.domain()).isEqualTo("envoyproxy.io");
  }

  @Test
  void readsEnvoyRepliesByTheirTextAlone() {
    assertThat(decode(503, "no healthy upstream").code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(decode(429, "local_rate_limited").reason()).isEqualTo("LOCAL_RATE_LIMITED");
  }

  @Test
  void leavesJsonFromAnUpstreamBehindEnvoyToItsFamily() {
    Fault fault =
        decode(
            400,
            json("{'code':3,'message':'bad sku','details':[]}"),
            "server",
            "envoy",
            "x-envoy-upstream-service-time",
            "3");

    assertThat(fault.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(fault.metadata()).containsEntry("format", "grpc-gateway");
  }

  @Test
  void readsAnNginxGatewayTimeoutPage() {
    String page =
        "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center>"
            + "<h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>";
    Fault fault = decode(504, page, "Content-Type", "text/html");

    assertThat(fault.code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(fault.message()).isEqualTo("504 Gateway Time-out");
    assertThat(fault.metadata()).containsEntry("format", "nginx");
  }

  @Test
  void readsTheTitleOfARailsPublicPage() {
    String page =
        "<!DOCTYPE html>\n<html>\n<head>\n  <title>We're sorry, but something went wrong"
            + " (500)</title>\n</head><body><h1>We&#39;re sorry</h1></body></html>";
    Fault fault = decode(500, page, "Content-Type", "text/html", "X-Runtime", "0.01");

    assertThat(fault.code()).isEqualTo(Code.INTERNAL);
    assertThat(fault.message()).isEqualTo("We're sorry, but something went wrong (500)");
    assertThat(fault.metadata()).containsEntry("format", "rails");
  }

  @Test
  void keepsOnlyTheFirstLineOfAStackPage() {
    String page =
        "<!DOCTYPE html><html><head><title>Error</title></head><body><pre>Error: boom<br>"
            + " &nbsp; &nbsp;at /app/secret.js:1:1</pre></body></html>";

    assertThat(decode(500, page).message()).isEqualTo("Error: boom");
  }

  @Test
  void readsCloudflareTimeouts() {
    assertThat(decode(524, "<html><title>timeout</title></html>", "Server", "cloudflare").code())
        .isEqualTo(Code.DEADLINE_EXCEEDED);
  }

  @Test
  void readsGoPlainTextErrors() {
    Fault fault =
        decode(
            404,
            "404 page not found\n",
            "Content-Type",
            "text/plain; charset=utf-8",
            "X-Content-Type-Options",
            "nosniff");

    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.message()).isEqualTo("404 page not found");
  }

  @Test
  void treatsA403WithNoRateLimitLeftAsResourceExhaustedWhateverTheBody() {
    assertThat(decode(403, "", "x-ratelimit-remaining", "0").code())
        .isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(decode(403, "").code()).isEqualTo(Code.PERMISSION_DENIED);
  }

  @Test
  void answersUnknownForA2xxWithoutErrors() {
    Fault fault = decode(200, json("{'data':{}}"));

    assertThat(fault.code()).isEqualTo(Code.UNKNOWN);
    assertThat(fault.metadata()).containsEntry("format", "http").containsEntry("httpStatus", "200");
  }

  @Test
  void fallsBackOnTheStatusMapping() {
    int[] statuses = {400, 401, 403, 404, 409, 412, 422, 429, 499, 501, 502, 503, 504, 500, 418};
    for (int status : statuses) {
      assertThat(decode(status, "").code()).as("%d", status).isEqualTo(Code.fromHttpStatus(status));
    }
  }

  @Test
  void takesTheTraceAndRequestIdsFromHeaders() {
    Fault fault =
        decode(
            500,
            "",
            "Traceparent",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "X-Request-ID",
            "req-42");

    assertThat(fault.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(fault.spanId()).isEqualTo("b7ad6b7169203331");
    assertThat(fault.metadata()).containsEntry("requestId", "req-42");
  }

  @Test
  void refusesMalformedTraceparents() {
    assertThat(decode(500, "", "traceparent", "00-0000000000000000000000000000000-x-01").traceId())
        .isNull();
    assertThat(
            decode(
                    500,
                    "",
                    "traceparent",
                    "00-00000000000000000000000000000000-b7ad6b7169203331-01")
                .traceId())
        .isNull();
  }

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDateAndBoundsIt() {
    assertThat(decode(503, "", "Retry-After", "120").retryAfter())
        .isEqualTo(Duration.ofSeconds(120));
    Fault dated =
        decode(
            503,
            "",
            "Date",
            "Thu, 26 Nov 2026 17:00:00 GMT",
            "Retry-After",
            "Thu, 26 Nov 2026 17:01:30 GMT");
    assertThat(dated.retryAfter()).isEqualTo(Duration.ofSeconds(90));
    assertThat(decode(503, "", "Retry-After", "99999999999").retryAfter())
        .isEqualTo(Duration.ofDays(1));
    assertThat(decode(503, "", "Retry-After", "soon").retryAfter()).isNull();
  }

  @Test
  void decodesFaultlinesOwnProblemJson() {
    // Passes with the tolerant reader today and with ProblemJson.decode once it is implemented.
    String body =
        "{'type':'about:blank','title':'Not Found','status':404,'detail':'No such SKU: 42',"
            + "'code':'NOT_FOUND','reason':'SKU_NOT_FOUND','domain':'inventory.example.com',"
            + "'traceId':'4bf92f3577b34da6a3ce929d0e0e4736'}";
    Fault fault = decode(404, json(body), "Content-Type", "application/problem+json");

    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.reason()).isEqualTo("SKU_NOT_FOUND");
    assertThat(fault.domain()).isEqualTo("inventory.example.com");
    assertThat(fault.message()).isEqualTo("No such SKU: 42");
    assertThat(fault.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }
}
