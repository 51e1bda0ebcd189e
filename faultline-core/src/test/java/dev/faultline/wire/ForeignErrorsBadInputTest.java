package dev.faultline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whatever arrives, decoding returns a fault, in bounded time, and never throws. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ForeignErrorsBadInputTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decodesNullAndEmptyInputToTheStatusCode() {
    assertThat(ForeignErrors.decode(404, null, null).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(ForeignErrors.decode(503, Map.of(), new byte[0]).code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(ForeignErrors.decode(500, null, null, null).code()).isEqualTo(Code.INTERNAL);
  }

  @Test
  void toleratesNullNamesListsAndValuesInHeaders() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put(null, List.of("HTTP/1.1 429 Too Many Requests"));
    headers.put("Retry-After", null);
    headers.put("x-request-id", new ArrayList<>(Arrays.asList(null, "r-1")));
    headers.put("X-Empty", List.of());
    headers.put("X-RATELIMIT-REMAINING", List.of("0"));

    Fault fault = ForeignErrors.decode(403, headers, utf8("{}"));

    assertThat(fault.code()).isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(fault.metadata()).containsEntry("requestId", "r-1");
  }

  @Test
  void keepsWhatATruncatedJsonBodySaidBeforeItEnded() {
    Fault fault =
        ForeignErrors.decode(
            404, null, utf8("{\"code\":5,\"message\":\"gone\",\"details\":[{\"@t"));

    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.message()).isEqualTo("gone");
  }

  @Test
  void readsOnlyTheByteLimitOfAHugeBodyAndMarksTheFaultTruncated() {
    byte[] body = new byte[10 << 20];
    Arrays.fill(body, (byte) 'a');
    byte[] head = utf8("{\"error\":{\"type\":\"api_error\",\"message\":\"big\",\"pad\":\"");
    System.arraycopy(head, 0, body, 0, head.length);

    Fault fault = ForeignErrors.decode(500, null, body);

    assertThat(fault.code()).isEqualTo(Code.INTERNAL);
    assertThat(fault.message()).isEqualTo("big");
    assertThat(fault.truncated()).isTrue();
  }

  @Test
  void survivesTenThousandNestedArraysAndObjects() {
    String arrays = "[".repeat(10_000) + "]".repeat(10_000);
    String objects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    assertThat(ForeignErrors.decode(400, null, utf8(arrays)).code())
        .isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(ForeignErrors.decode(400, null, utf8(objects)).code())
        .isEqualTo(Code.INVALID_ARGUMENT);
  }

  @Test
  void neverQuotesBytesThatAreNotText() {
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28, '\n'};

    Fault fault = ForeignErrors.decode(502, null, garbage);

    assertThat(fault.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(fault.message()).isEqualTo(Code.UNAVAILABLE.defaultMessage());
  }

  @Test
  void toleratesInvalidUtf8InsideJson() {
    byte[] body = {'{', '"', 'd', 'e', 't', 'a', 'i', 'l', '"', ':', '"', (byte) 0xe9, '"', '}'};

    assertThat(ForeignErrors.decode(404, null, body).code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  void cutsLongMessagesAndDropsValuesTheFaultBuilderWouldRefuse() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      metadata.put("k" + i, "v");
    }
    String body =
        "{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\",\"message\":\""
            + "m".repeat(5000)
            + "\",\"details\":[{\"@type\":\"google.rpc.ErrorInfo\",\"reason\":\"1-\",\"domain\":\" \","
            + "\"metadata\":{\""
            + "x".repeat(100)
            + "\":\"v\","
            + metadata.keySet().stream()
                .map(k -> "\"" + k + "\":\"v\"")
                .reduce((a, b) -> a + "," + b)
                .get()
            + "}}]}}";

    Fault fault = ForeignErrors.decode(400, null, utf8(body));

    assertThat(fault.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(fault.message()).hasSize(512);
    assertThat(fault.reason()).isEqualTo("INVALID_ARGUMENT");
    assertThat(fault.domain()).isNull();
    assertThat(fault.metadata()).hasSizeLessThanOrEqualTo(DecodeLimits.DEFAULT.maxMetadata());
    assertThat(fault.metadata().keySet()).allMatch(k -> k.length() <= 64);
  }

  @Test
  void appliesCallerLimits() {
    DecodeLimits tiny = DecodeLimits.DEFAULT.withMaxBytes(16).withMaxMetadata(2);
    Fault fault =
        ForeignErrors.decode(
            404,
            Responses.headers("x-request-id", "r"),
            utf8("{\"detail\":\"a much longer detail\"}"),
            tiny);

    assertThat(fault.truncated()).isTrue();
    assertThat(fault.metadata()).hasSize(2);
  }

  @Test
  void answersUnknownForStatusesOutsideHttp() {
    for (int status : new int[] {-1, 0, 99, 302, 999, Integer.MAX_VALUE}) {
      assertThat(ForeignErrors.decode(status, null, utf8("{}")).code()).isEqualTo(Code.UNKNOWN);
    }
  }

  @Property(tries = 300)
  void neverThrowsOnArbitraryBytes(@ForAll("statuses") int status, @ForAll("bodies") byte[] body) {
    Fault fault =
        ForeignErrors.decode(status, Responses.headers("content-type", "text/plain"), body);

    assertThat(fault).isNotNull();
    assertThat(fault.message()).doesNotContain("\n", "\u0000").hasSizeLessThanOrEqualTo(512);
  }

  @Property(tries = 300)
  void neverThrowsOnJsonLikeText(@ForAll("jsonish") String body) {
    assertThat(ForeignErrors.decode(400, null, utf8(body))).isNotNull();
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.oneOf(
        Arbitraries.of(200, 400, 404, 409, 429, 500, 503), Arbitraries.integers());
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
  }

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.strings()
        .withChars("{}[]\":,0123456789.-eE truefalsnl\\u#abcdeEXTypCo_")
        .ofMaxLength(400)
        .map(s -> "{\"error\":" + s);
  }
}
