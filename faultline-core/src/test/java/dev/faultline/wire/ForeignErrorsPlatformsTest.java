package dev.faultline.wire;

import static dev.faultline.wire.Responses.decode;
import static dev.faultline.wire.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Platforms and APIs beyond the corpus: AWS, Google, grpc-gateway, Kubernetes, Stripe, GitHub. */
class ForeignErrorsPlatformsTest {
  @Test
  void readsTheAwsErrorTypeHeaderInAnyCase() {
    Fault fault =
        decode(
            400,
            json("{'message':'1 validation error detected'}"),
            "X-AMZN-ERRORTYPE",
            "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/");

    assertThat(fault.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(fault.reason()).isEqualTo("VALIDATION_EXCEPTION");
    assertThat(fault.message()).isEqualTo("1 validation error detected");
    assertThat(fault.metadata()).containsEntry("appCode", "ValidationException");
  }

  @Test
  void mapsWellKnownAwsNamesOverTheStatus() {
    assertThat(aws(400, "ThrottlingException", "Rate exceeded")).isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(aws(400, "ProvisionedThroughputExceededException", ""))
        .isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(aws(400, "AccessDeniedException", "")).isEqualTo(Code.PERMISSION_DENIED);
    assertThat(aws(400, "ExpiredTokenException", "")).isEqualTo(Code.UNAUTHENTICATED);
    assertThat(aws(400, "ConditionalCheckFailedException", "")).isEqualTo(Code.FAILED_PRECONDITION);
    assertThat(aws(400, "ResourceInUseException", "Table already exists: orders"))
        .isEqualTo(Code.ALREADY_EXISTS);
    assertThat(aws(400, "ResourceInUseException", "Table is being deleted"))
        .isEqualTo(Code.ABORTED);
    assertThat(aws(409, "ConflictException", "Version mismatch")).isEqualTo(Code.ABORTED);
    assertThat(aws(500, "InternalServerError", "")).isEqualTo(Code.INTERNAL);
    assertThat(aws(503, "ServiceUnavailable", "")).isEqualTo(Code.UNAVAILABLE);
  }

  @Test
  void keepsAnUnknownAwsNameAndFallsBackOnTheStatus() {
    Fault fault = decode(418, json("{'__type':'com.amazonaws.widgets#WidgetMeltdownException'}"));

    assertThat(fault.code()).isEqualTo(Code.FAILED_PRECONDITION);
    assertThat(fault.reason()).isEqualTo("WIDGET_MELTDOWN_EXCEPTION");
    assertThat(fault.domain()).isEqualTo("widgets.amazonaws.com");
  }

  @Test
  void readsAnS3XmlError() {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
            + "<Message>The specified key does not exist.</Message>"
            + "<RequestId>4442587FB7D0A2F9</RequestId></Error>";
    Fault fault = decode(404, xml, "Content-Type", "application/xml");

    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.reason()).isEqualTo("NO_SUCH_KEY");
    assertThat(fault.message()).isEqualTo("The specified key does not exist.");
    assertThat(fault.metadata()).containsEntry("requestId", "4442587FB7D0A2F9");
  }

  @Test
  void takesTheGrpcGatewayCodeOverTheHttpStatus() {
    Fault fault = decode(500, json("{'code':5,'message':'order 7 not found','details':[]}"));

    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.message()).isEqualTo("order 7 not found");
  }

  @Test
  void readsRetryInfoFromGrpcGatewayDetails() {
    String body =
        "{'code':14,'message':'try later','details':[{'@type':"
            + "'type.googleapis.com/google.rpc.RetryInfo','retryDelay':'1.500s'}]}";
    Fault fault = decode(503, json(body));

    assertThat(fault.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(fault.retryAfter()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void readsGoogleErrorInfoAndLegacyRateLimitReasons() {
    String body =
        "{'error':{'code':403,'message':'denied','status':'PERMISSION_DENIED','details':[{'@type':"
            + "'type.googleapis.com/google.rpc.ErrorInfo','reason':'API_DISABLED',"
            + "'domain':'googleapis.com','metadata':{'service':'pubsub.googleapis.com'}}]}}";
    Fault fault = decode(403, json(body));
    assertThat(fault.code()).isEqualTo(Code.PERMISSION_DENIED);
    assertThat(fault.reason()).isEqualTo("API_DISABLED");
    assertThat(fault.domain()).isEqualTo("googleapis.com");
    assertThat(fault.metadata()).containsEntry("service", "pubsub.googleapis.com");

    String legacy =
        "{'error':{'code':403,'message':'Rate Limit Exceeded','errors':[{'domain':'usageLimits',"
            + "'reason':'rateLimitExceeded','message':'Rate Limit Exceeded'}]}}";
    assertThat(decode(403, json(legacy)).code()).isEqualTo(Code.RESOURCE_EXHAUSTED);
  }

  @Test
  void mapsKubernetesReasonsWhateverTheStatus() {
    assertThat(k8s(409, "AlreadyExists")).isEqualTo(Code.ALREADY_EXISTS);
    assertThat(k8s(403, "Forbidden")).isEqualTo(Code.PERMISSION_DENIED);
    assertThat(k8s(422, "Invalid")).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(k8s(504, "Timeout")).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(k8s(401, "Unauthorized")).isEqualTo(Code.UNAUTHENTICATED);
    assertThat(k8s(500, "NotFound")).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  void takesTheKubernetesRetryDelay() {
    String body =
        "{'kind':'Status','status':'Failure','reason':'TooManyRequests','code':429,"
            + "'details':{'retryAfterSeconds':7}}";
    Fault fault = decode(429, json(body));

    assertThat(fault.code()).isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(fault.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void mapsStripeCodesAndKeepsDeclineCodes() {
    String limited = "{'error':{'type':'invalid_request_error','code':'rate_limit','message':'x'}}";
    assertThat(decode(429, json(limited)).code()).isEqualTo(Code.RESOURCE_EXHAUSTED);

    String card =
        "{'error':{'type':'card_error','code':'card_declined','decline_code':'insufficient_funds'}}";
    Fault fault = decode(402, json(card));
    assertThat(fault.code()).isEqualTo(Code.FAILED_PRECONDITION);
    assertThat(fault.reason()).isEqualTo("CARD_DECLINED");
    assertThat(fault.metadata()).containsEntry("declineCode", "insufficient_funds");
  }

  @Test
  void treatsASpentGitHubRateLimitAsResourceExhausted() {
    String body =
        "{'message':'API rate limit exceeded','documentation_url':'https://docs.github.com'}";
    Fault primary =
        decode(
            403,
            json(body),
            "Date",
            "Thu, 26 Nov 2026 17:00:00 GMT",
            "X-RateLimit-Remaining",
            "0",
            "X-RateLimit-Reset",
            Long.toString(1795712400L + 120));
    assertThat(primary.code()).isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(primary.retryAfter()).isEqualTo(Duration.ofSeconds(120));

    Fault secondary = decode(429, json(body), "Retry-After", "60");
    assertThat(secondary.code()).isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(secondary.retryAfter()).isEqualTo(Duration.ofSeconds(60));

    String denied =
        "{'message':'Must have admin rights','documentation_url':'https://docs.github.com'}";
    assertThat(decode(403, json(denied), "X-RateLimit-Remaining", "4999").code())
        .isEqualTo(Code.PERMISSION_DENIED);
  }

  private static Code aws(int status, String type, String message) {
    String body =
        "{'__type':'com.amazonaws.dynamodb.v20120810#" + type + "','message':'" + message + "'}";
    return decode(status, json(body)).code();
  }

  private static Code k8s(int status, String reason) {
    String body =
        "{'kind':'Status','status':'Failure','reason':'" + reason + "','code':" + status + "}";
    return decode(status, json(body)).code();
  }
}
