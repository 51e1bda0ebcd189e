package dev.faultline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real error response of the shared corpus decodes to the code that expected.tsv gives. */
class ForeignErrorsCorpusTest {
  static Stream<Arguments> corpus() {
    return Corpus.expected().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Fault decode(String file) {
    RawHttp http = Corpus.response(file);
    return ForeignErrors.decode(http.status(), http.headers(), http.body());
  }

  @Test
  void theCorpusHasAnExpectationForEveryResponseAndAResponseForEveryExpectation() {
    assertThat(Corpus.expected().keySet()).containsExactlyInAnyOrderElementsOf(Corpus.httpFiles());
    assertThat(Corpus.httpFiles()).hasSize(27);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("corpus")
  void decodesEachCorpusResponseToItsExpectedCode(String file, String expectedCode) {
    Fault fault = decode(file);

    assertThat(fault.code()).isEqualTo(Code.valueOf(expectedCode));
    assertThat(fault.metadata()).containsKey("format");
    assertThat(fault.metadata().get("httpStatus"))
        .isEqualTo(Integer.toString(Corpus.response(file).status()));
    assertThat(fault.message()).doesNotContain("<", ">").hasSizeLessThanOrEqualTo(512);
  }

  @Test
  void keepsTheAwsErrorNameServiceAndRequestId() {
    Fault fault = decode("aws-json-dynamodb-resource-not-found-400.http");

    assertThat(fault.reason()).isEqualTo("RESOURCE_NOT_FOUND_EXCEPTION");
    assertThat(fault.domain()).isEqualTo("dynamodb.amazonaws.com");
    assertThat(fault.message()).isEqualTo("Requested resource not found: Table: orders not found");
    assertThat(fault.metadata())
        .containsEntry("format", "aws-json")
        .containsEntry("appCode", "ResourceNotFoundException")
        .containsEntry("requestId", "LDM6CJP8RMQ1FHKSC1RBVJFPNVV4KQNSO5AEMF66Q9ASUAAJG");
  }

  @Test
  void takesTheTraceIdOfAnAspNetCoreProblem() {
    Fault fault = decode("aspnetcore-problemdetails-404.http");

    assertThat(fault.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(fault.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(fault.message()).isEqualTo("Not Found");
    assertThat(fault.metadata()).containsEntry("format", "aspnetcore");
  }

  @Test
  void keepsTheStripeCodeParameterAndRequestId() {
    Fault fault = decode("stripe-404-resource-missing.http");

    assertThat(fault.reason()).isEqualTo("RESOURCE_MISSING");
    assertThat(fault.domain()).isEqualTo("stripe.com");
    assertThat(fault.message()).isEqualTo("No such customer: 'cus_NffrFeUfNV2Hib'");
    assertThat(fault.metadata())
        .containsEntry("appCode", "resource_missing")
        .containsEntry("param", "id")
        .containsEntry("type", "invalid_request_error")
        .containsEntry("requestId", "req_OKWc6qyYm5a7Xk");
  }

  @Test
  void keepsTheErrorInfoOfAGrpcGatewayStatus() {
    Fault fault = decode("grpc-gateway-resource-exhausted-429.http");

    assertThat(fault.reason()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(fault.domain()).isEqualTo("orders.example.com");
    assertThat(fault.message()).isEqualTo("order quota exceeded");
    assertThat(fault.metadata()).containsEntry("limit", "100").containsEntry("grpcCode", "8");
  }

  @Test
  void keepsTheKubernetesReasonObjectAndAuditId() {
    Fault fault = decode("kubernetes-status-409-conflict.http");

    assertThat(fault.reason()).isEqualTo("CONFLICT");
    assertThat(fault.domain()).isEqualTo("k8s.io");
    assertThat(fault.metadata())
        .containsEntry("appCode", "Conflict")
        .containsEntry("kind", "configmaps")
        .containsEntry("name", "app-config")
        .containsEntry("requestId", "5d1f9e20-3c7b-4a86-8e0d-2b6a4f9c1e58");
  }

  @Test
  void keepsTheGraphQlErrorCodeMessageAndPath() {
    Fault fault = decode("graphql-apollo-unauthenticated-200.http");

    assertThat(fault.reason()).isEqualTo("UNAUTHENTICATED");
    assertThat(fault.message()).isEqualTo("You must be logged in to view orders");
    assertThat(fault.metadata()).containsEntry("path", "order").containsEntry("errorCount", "1");
  }

  @Test
  void keepsTheGitHubDomainDocumentationAndRequestId() {
    Fault fault = decode("github-404.http");

    assertThat(fault.domain()).isEqualTo("github.com");
    assertThat(fault.message()).isEqualTo("Not Found");
    assertThat(fault.retryAfter()).isNull();
    assertThat(fault.metadata())
        .containsEntry("requestId", "6CF9:1BCC6E:B442C:C99F5:67B695C7")
        .containsKey("documentationUrl");
  }

  @Test
  void keepsTheFastifyCodeAsReason() {
    Fault fault = decode("fastify-validation-400.http");

    assertThat(fault.reason()).isEqualTo("FST_ERR_VALIDATION");
    assertThat(fault.message()).isEqualTo("body must have required property 'sku'");
  }

  @Test
  void summarizesFastApiValidationErrors() {
    Fault fault = decode("fastapi-validation-422-pydantic1.http");

    assertThat(fault.message())
        .isEqualTo("body.sku: field required; body.qty: value is not a valid integer");
    assertThat(fault.metadata())
        .containsEntry("format", "fastapi")
        .containsEntry("errorCount", "2");
  }

  @Test
  void readsHtmlPagesAsTextNeverMarkup() {
    assertThat(decode("nginx-502.http").message()).isEqualTo("502 Bad Gateway");
    assertThat(decode("nginx-502.http").metadata()).containsEntry("format", "nginx");
    assertThat(decode("express-default-404-html.http").message()).isEqualTo("Cannot GET /api/nope");
    assertThat(decode("express-default-404-html.http").metadata())
        .containsEntry("format", "express");
  }

  @Test
  void namesProxiesAndPlainTextServers() {
    Fault envoy = decode("envoy-503-upstream-reset.http");
    assertThat(envoy.reason()).isEqualTo("UPSTREAM_RESET");
    assertThat(envoy.message()).startsWith("upstream connect error or disconnect/reset");
    assertThat(envoy.metadata()).containsEntry("format", "envoy");

    Fault go = decode("go-http-error-500.http");
    assertThat(go.message()).isEqualTo("Internal Server Error");
    assertThat(go.metadata()).containsEntry("format", "go-net-http");
  }

  @Test
  void namesTheFrameworkOfEachStatusOnlyFormat() {
    Map<String, String> formats =
        Map.of(
            "spring-boot4-default-404.http", "spring-boot",
            "spring6-problemdetail-404.http", "problem-details",
            "drf-401.http", "django-rest-framework",
            "fastapi-http-exception-404.http", "fastapi",
            "express-json-error-404.http", "express",
            "fastify-no-route-404.http", "fastify",
            "rails-public-exceptions-404.http", "rails",
            "google-api-404.http", "google-api",
            "grpc-gateway-404.http", "grpc-gateway");
    formats.forEach(
        (file, format) -> assertThat(decode(file).metadata()).containsEntry("format", format));
    assertThat(decode("rails-public-exceptions-404.http").metadata())
        .containsEntry("requestId", "0f3a7c1e-5b2d-4e8f-9a61-2c4b7d9e1f03");
    assertThat(decode("spring6-problemdetail-404.http").metadata())
        .containsEntry("instance", "/api/orders/42");
    assertThat(decode("express-json-error-404.http").message()).isEqualTo("Order 42 not found");
    assertThat(List.of(decode("drf-401.http").message()))
        .containsExactly("Authentication credentials were not provided.");
  }
}
