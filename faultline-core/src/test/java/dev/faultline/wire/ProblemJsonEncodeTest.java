package dev.faultline.wire;

import static dev.faultline.wire.SampleFaults.OTHER_TRACE;
import static dev.faultline.wire.SampleFaults.TRACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemJsonEncodeTest {
  private final Fault fault = SampleFaults.chain();

  @Test
  void publicProblemHasExactlyTheOuterFaultsSafeMembers() {
    Map<String, Object> json = JsonTree.object(ProblemJson.encode(fault, Exposure.PUBLIC));

    assertThat(json)
        .containsOnlyKeys(
            "type",
            "title",
            "status",
            "detail",
            "instance",
            "code",
            "reason",
            "domain",
            "traceId",
            "instanceId",
            "retryAfter")
        .containsEntry("type", "about:blank")
        .containsEntry("title", "Internal Server Error")
        .containsEntry("status", 500L)
        .containsEntry("detail", "Your order could not be placed")
        .containsEntry("instance", "urn:uuid:" + fault.instanceId())
        .containsEntry("code", "INTERNAL")
        .containsEntry("reason", "ORDER_FAILED")
        .containsEntry("domain", "shop.example.com")
        .containsEntry("traceId", TRACE)
        .containsEntry("instanceId", fault.instanceId())
        .containsEntry("retryAfter", new BigDecimal("0.25"));
  }

  @Test
  void publicProblemLeaksNothingBeyondTheOuterFault() {
    String text = new String(ProblemJson.encode(fault, Exposure.PUBLIC), StandardCharsets.UTF_8);

    assertThat(text)
        .doesNotContain("shop\"", "inventory", "postgres", "Inventory", "Database")
        .doesNotContain("hunter2", "IllegalStateException", "com.acme", "Source.java")
        .doesNotContain("o-17", "\"causes\"", "\"metadata\"", "\"service\"", "stackTrace");
  }

  @Test
  void internalProblemAddsServiceMetadataAndCausesNearestFirst() {
    Map<String, Object> json = JsonTree.object(ProblemJson.encode(fault, Exposure.INTERNAL));

    assertThat(json)
        .containsEntry("service", "shop")
        .containsEntry("metadata", Map.of("order", "o-17"))
        .doesNotContainKeys("exception", "exceptionMessage", "stackTrace");
    List<Map<String, Object>> causes = causes(json);
    assertThat(causes)
        .extracting(c -> c.get("service"))
        .containsExactly("inventory", "postgres-proxy");
    Fault inventory = fault.cause();
    assertThat(causes.get(0))
        .containsOnlyKeys(
            "service", "code", "reason", "domain", "message", "metadata", "instanceId")
        .containsEntry("code", "DEADLINE_EXCEEDED")
        .containsEntry("reason", "INVENTORY_TIMEOUT")
        .containsEntry("domain", "inventory.example.com")
        .containsEntry("message", "Inventory did not answer in time")
        .containsEntry("metadata", Map.of("sku", "42"))
        .containsEntry("instanceId", inventory.instanceId());
    assertThat(causes.get(1))
        .containsEntry("traceId", OTHER_TRACE)
        .doesNotContainKeys("exception", "exceptionMessage", "stackTrace");
  }

  @Test
  void debugProblemAddsExceptionsAndStackFramesToEveryFault() {
    Map<String, Object> json = JsonTree.object(ProblemJson.encode(fault, Exposure.DEBUG));

    assertThat(json)
        .containsEntry("exception", "java.lang.IllegalStateException")
        .containsEntry("exceptionMessage", "password=hunter2 rejected")
        .containsEntry("stackTrace", fault.stackTrace());
    Map<String, Object> db = causes(json).get(1);
    assertThat(db)
        .containsEntry("exception", "java.net.ConnectException")
        .containsEntry("exceptionMessage", "Connection refused: db-1/10.0.0.7:5432")
        .containsEntry("stackTrace", SampleFaults.frames("java.net.Socket.connect", 3));
    assertThat(causes(json).get(0)).doesNotContainKeys("exception", "stackTrace");
  }

  @ParameterizedTest
  @EnumSource(Code.class)
  void titleIsTheReasonPhraseOfTheCodesHttpStatus(Code code) {
    Map<String, Object> json =
        JsonTree.object(ProblemJson.encode(Fault.of(code, "m"), Exposure.PUBLIC));

    assertThat(json).containsEntry("status", (long) code.httpStatus());
    String expected =
        switch (code.httpStatus()) {
          case 400 -> "Bad Request";
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          case 404 -> "Not Found";
          case 409 -> "Conflict";
          case 429 -> "Too Many Requests";
          case 499 -> "Client Closed Request";
          case 500 -> "Internal Server Error";
          case 501 -> "Not Implemented";
          case 503 -> "Service Unavailable";
          case 504 -> "Gateway Timeout";
          default -> throw new AssertionError("no phrase for " + code.httpStatus());
        };
    assertThat(json).containsEntry("title", expected);
  }

  @Test
  void absentMembersAreOmittedNotNull() {
    Fault bare = Fault.builder(Code.NOT_FOUND).instanceId("order-17-occurrence").build();

    Map<String, Object> json = JsonTree.object(ProblemJson.encode(bare, Exposure.DEBUG));

    assertThat(json)
        .containsOnlyKeys("type", "title", "status", "detail", "code", "instanceId")
        .containsEntry("detail", Code.NOT_FOUND.defaultMessage())
        .containsEntry("instanceId", "order-17-occurrence");
  }

  @Test
  void retryAfterIsAnIntegerWhenWholeAndADecimalOtherwise() {
    assertThat(retryAfterOf(Duration.ofSeconds(30))).isEqualTo(30L);
    assertThat(retryAfterOf(Duration.ofMillis(1500))).isEqualTo(new BigDecimal("1.5"));
    assertThat(retryAfterOf(Duration.ofNanos(1))).isEqualTo(new BigDecimal("0.000000001"));
  }

  @Test
  void truncatedIsWrittenOnlyWhenAnEmittedFaultWasCut() {
    Fault cutCause = Fault.builder(Code.UNAVAILABLE).truncated(true).build();
    Fault top = Fault.builder(Code.INTERNAL).cause(cutCause).build();

    assertThat(JsonTree.object(ProblemJson.encode(top, Exposure.PUBLIC)))
        .doesNotContainKey("truncated");
    assertThat(JsonTree.object(ProblemJson.encode(top, Exposure.INTERNAL)))
        .containsEntry("truncated", true);
    assertThat(JsonTree.object(ProblemJson.encode(top.withCause(null), Exposure.INTERNAL)))
        .doesNotContainKey("truncated");
  }

  private static Object retryAfterOf(Duration delay) {
    Fault f = Fault.builder(Code.UNAVAILABLE).retryAfter(delay).build();
    return JsonTree.object(ProblemJson.encode(f, Exposure.PUBLIC)).get("retryAfter");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> causes(Map<String, Object> json) {
    return (List<Map<String, Object>>) json.get("causes");
  }
}
