package dev.faultline.wire;

import static dev.faultline.wire.Responses.decode;
import static dev.faultline.wire.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Web frameworks beyond the corpus: GraphQL, JSON:API, problem details, Spring, Node, Python. */
class ForeignErrorsFrameworksTest {
  @Test
  void treatsAGraphQl200WithErrorsButNoCodeAsUnknown() {
    Fault fault = decode(200, json("{'errors':[{'message':'boom'}],'data':null}"));

    assertThat(fault.code()).isEqualTo(Code.UNKNOWN);
    assertThat(fault.message()).isEqualTo("boom");
    assertThat(fault.metadata()).containsEntry("format", "graphql");
  }

  @Test
  void keepsAnUnknownGraphQlCodeAsReasonAndFallsBackOnTheStatus() {
    String body = "{'errors':[{'message':'locked','extensions':{'code':'ORDER_LOCKED'}}]}";

    Fault onOk = decode(200, json(body));
    assertThat(onOk.code()).isEqualTo(Code.UNKNOWN);
    assertThat(onOk.reason()).isEqualTo("ORDER_LOCKED");
    assertThat(onOk.metadata()).containsEntry("appCode", "ORDER_LOCKED");

    assertThat(decode(409, json(body)).code()).isEqualTo(Code.ABORTED);
  }

  @Test
  void takesTheFirstGraphQlErrorWhoseCodeIsKnown() {
    String body =
        "{'errors':[{'message':'a'},{'message':'no access','extensions':{'code':'FORBIDDEN'}}]}";
    Fault fault = decode(200, json(body));

    assertThat(fault.code()).isEqualTo(Code.PERMISSION_DENIED);
    assertThat(fault.message()).isEqualTo("no access");
    assertThat(fault.metadata()).containsEntry("errorCount", "2");
  }

  @Test
  void readsSpringForGraphQlClassifications() {
    String body = "{'errors':[{'message':'x','extensions':{'classification':'NOT_FOUND'}}]}";
    assertThat(decode(200, json(body)).code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  void readsAJsonApi422WithSeveralErrors() {
    String body =
        "{'errors':[{'status':'422','code':'blank','title':'Invalid Attribute',"
            + "'detail':'First name must contain at least two characters.',"
            + "'source':{'pointer':'/data/attributes/firstName'}},"
            + "{'status':'422','title':'Invalid Attribute','detail':'Age must be positive.',"
            + "'source':{'pointer':'/data/attributes/age'}}]}";
    Fault fault = decode(422, json(body), "Content-Type", "application/vnd.api+json");

    assertThat(fault.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(fault.reason()).isEqualTo("BLANK");
    assertThat(fault.message()).isEqualTo("First name must contain at least two characters.");
    assertThat(fault.metadata())
        .containsEntry("format", "json-api")
        .containsEntry("errorCount", "2")
        .containsEntry("pointer", "/data/attributes/firstName");
    assertThat(fault.metadata().get("violations")).contains("/data/attributes/age: Age must be");
  }

  @Test
  void summarizesAspNetCoreValidationProblems() {
    String body =
        "{'type':'https://tools.ietf.org/html/rfc9110#section-15.5.1','title':'One or more"
            + " validation errors occurred.','status':400,'errors':{'Name':['The Name field is"
            + " required.']},'traceId':'|7b4ee2f4-4e6b8a9c.'}";
    Fault fault = decode(400, json(body), "Content-Type", "application/problem+json");

    assertThat(fault.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(fault.traceId()).isNull();
    assertThat(fault.metadata())
        .containsEntry("format", "aspnetcore")
        .containsEntry("requestId", "|7b4ee2f4-4e6b8a9c.")
        .containsEntry("violations", "Name: The Name field is required.");
  }

  @Test
  void readsSpringBootErrorsOfOtherStatuses() {
    String body =
        "{'timestamp':'2026-11-26T17:00:00Z','status':503,'error':'Service Unavailable',"
            + "'message':'db down','path':'/x','requestId':'a1b2c3'}";
    Fault fault = decode(503, json(body));

    assertThat(fault.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(fault.message()).isEqualTo("db down");
    assertThat(fault.metadata()).containsEntry("requestId", "a1b2c3");
  }

  @Test
  void mapsFastifyCodesAndNestJsMessageLists() {
    String notFound =
        "{'statusCode':404,'code':'FST_ERR_NOT_FOUND','error':'Not Found','message':'x'}";
    assertThat(decode(500, json(notFound)).code()).isEqualTo(Code.NOT_FOUND);

    String nest =
        "{'statusCode':400,'message':['qty must be an integer','sku should not be empty'],"
            + "'error':'Bad Request'}";
    Fault fault = decode(400, json(nest), "X-Powered-By", "Express");
    assertThat(fault.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(fault.message()).isEqualTo("qty must be an integer; sku should not be empty");
    assertThat(fault.metadata()).containsEntry("format", "nestjs");
  }

  @Test
  void readsDjangoRestFrameworkCodesAndThrottling() {
    Fault throttled =
        decode(
            429,
            json("{'detail':'Request was throttled. Expected available in 30 seconds.'}"),
            "Retry-After",
            "30");
    assertThat(throttled.code()).isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(30));

    String full = "{'detail':{'message':'Not allowed.','code':'permission_denied'}}";
    Fault denied = decode(400, json(full));
    assertThat(denied.code()).isEqualTo(Code.PERMISSION_DENIED);
    assertThat(denied.reason()).isEqualTo("PERMISSION_DENIED");
    assertThat(denied.message()).isEqualTo("Not allowed.");
  }

  @Test
  void keepsAnApplicationCodeThatNamesNoCanonicalCode() {
    Fault fault = decode(423, json("{'code':'ORDER_LOCKED','message':'Order 7 is locked'}"));

    assertThat(fault.code()).isEqualTo(Code.FAILED_PRECONDITION);
    assertThat(fault.reason()).isEqualTo("ORDER_LOCKED");
    assertThat(fault.message()).isEqualTo("Order 7 is locked");
  }

  @Test
  void treats409AsAbortedUnlessTheBodySaysAlreadyExists() {
    assertThat(decode(409, json("{'error':'version conflict'}")).code()).isEqualTo(Code.ABORTED);
    assertThat(decode(409, json("{'code':'ALREADY_EXISTS','message':'dup'}")).code())
        .isEqualTo(Code.ALREADY_EXISTS);
    assertThat(
            decode(409, json("{'error':{'code':'ResourceAlreadyExists','message':'dup'}}")).code())
        .isEqualTo(Code.ALREADY_EXISTS);
  }

  @Test
  void readsOAuthErrors() {
    String body = "{'error':'invalid_token','error_description':'The access token expired'}";
    Fault fault = decode(400, json(body));

    assertThat(fault.code()).isEqualTo(Code.UNAUTHENTICATED);
    assertThat(fault.message()).isEqualTo("The access token expired");
    assertThat(fault.metadata()).containsEntry("format", "oauth2");
  }

  @Test
  void leavesGitHubValidationErrorsWithMessagesToGitHub() {
    String body =
        "{'message':'Validation Failed','errors':[{'resource':'Label','code':'already_exists',"
            + "'message':'name taken'}],'documentation_url':'https://docs.github.com/rest'}";
    Fault fault = decode(422, json(body));

    assertThat(fault.code()).isEqualTo(Code.ALREADY_EXISTS);
    assertThat(fault.domain()).isEqualTo("github.com");
    assertThat(fault.metadata()).containsEntry("format", "github");
  }

  @Test
  void doesNotTakeEveryErrorWithATypeForStripe() {
    Fault fault = decode(400, json("{'error':{'type':'validation','message':'bad qty'}}"));

    assertThat(fault.domain()).isNull();
    assertThat(fault.message()).isEqualTo("bad qty");
    assertThat(fault.metadata()).containsEntry("format", "json");
  }

  @Test
  void summarizesRailsValidationErrors() {
    Fault fault = decode(422, json("{'errors':{'name':['cannot be blank']}}"));

    assertThat(fault.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(fault.message()).isEqualTo("name: cannot be blank");
  }
}
