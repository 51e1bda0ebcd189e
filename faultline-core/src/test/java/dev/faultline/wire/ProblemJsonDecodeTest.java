package dev.faultline.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemJsonDecodeTest {
  @Test
  void ignoresUnknownMembersAndTheirChildren() {
    Fault f =
        decode(
            "{'vendor':{'a':[1,{'code':'ABORTED'}],'b':null},'code':'NOT_FOUND',"
                + "'extra':[[{'detail':'no'}]],'detail':'No such SKU'}");

    assertThat(f.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(f.message()).isEqualTo("No such SKU");
    assertThat(f.truncated()).isFalse();
  }

  @Test
  void ignoresMembersOfTheWrongType() {
    Fault f =
        decode(
            "{'code':42,'status':'404','detail':{'x':1},'reason':['A'],'metadata':'m',"
                + "'causes':{'code':'ABORTED'},'retryAfter':true,'truncated':'yes',"
                + "'domain':7,'stackTrace':'frame','title':'Gone'}");

    assertThat(f.code()).isEqualTo(Code.UNKNOWN);
    assertThat(f.message()).isEqualTo("Gone");
    assertThat(f.reason()).isNull();
    assertThat(f.domain()).isNull();
    assertThat(f.metadata()).isEmpty();
    assertThat(f.cause()).isNull();
    assertThat(f.retryAfter()).isNull();
    assertThat(f.stackTrace()).isEmpty();
    assertThat(f.truncated()).isFalse();
  }

  @Test
  void decodesAnHttpStatusOnlyProblemFromAnotherFramework() {
    Fault f =
        decode(
            "{'type':'about:blank','title':'Service Unavailable','status':503,"
                + "'instance':'/orders/17'}");

    assertThat(f.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(f.message()).isEqualTo("Service Unavailable");
    assertThat(f.instanceId()).isNotEqualTo("/orders/17").isNotBlank();
  }

  @Test
  void prefersTheCodeMemberOverTheStatusAndDetailOverTitle() {
    Fault f = decode("{'status':404,'code':'already-exists','title':'Conflict','detail':'Taken'}");

    assertThat(f.code()).isEqualTo(Code.ALREADY_EXISTS);
    assertThat(f.message()).isEqualTo("Taken");
  }

  @Test
  void takesTheInstanceIdFromAUrnUuidInstance() {
    String id = "3f1e9c52-0b7d-4c8e-9a51-2d6f0e4b7a19";

    assertThat(decode("{'instance':'urn:uuid:" + id + "'}").instanceId()).isEqualTo(id);
    assertThat(decode("{'instance':'urn:uuid:x','instanceId':'" + id + "'}").instanceId())
        .isEqualTo(id);
  }

  @Test
  void letsTheLastOfDuplicateMembersWinAndMergesDuplicateMetadata() {
    Fault f =
        decode(
            "{'code':'NOT_FOUND','code':'UNAVAILABLE','detail':'first','detail':'second',"
                + "'metadata':{'a':'1','a':'2'},'metadata':{'b':'3'}}");

    assertThat(f.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(f.message()).isEqualTo("second");
    assertThat(f.metadata()).containsExactly(Map.entry("a", "2"), Map.entry("b", "3"));
  }

  @Test
  void normalizesAForeignReasonAndKeepsTheRawOneInMetadata() {
    Fault f = decode("{'code':'NOT_FOUND','reason':'resource_missing'}");

    assertThat(f.reason()).isEqualTo("RESOURCE_MISSING");
    assertThat(f.metadata()).containsEntry("reason", "resource_missing");
    assertThat(decode("{'reason':'SKU_NOT_FOUND'}").metadata()).isEmpty();
  }

  @Test
  void dropsValuesTheFaultContractRejectsInsteadOfThrowing() {
    Fault f =
        decode(
            "{'domain':'  ','service':'','traceId':' ','instanceId':'','reason':'',"
                + "'exception':' ','retryAfter':-5,'metadata':{'':'x',' ':'y'}}");

    assertThat(f.domain()).isNull();
    assertThat(f.service()).isNull();
    assertThat(f.traceId()).isNull();
    assertThat(f.instanceId()).isNotBlank();
    assertThat(f.reason()).isNull();
    assertThat(f.exception()).isNull();
    assertThat(f.retryAfter()).isNull();
    assertThat(f.metadata()).isEmpty();
  }

  @Test
  void readsMetadataScalarsAsTextAndSkipsNestedValuesAndBadKeys() {
    String longKey = "k".repeat(65);
    Fault f =
        decode(
            "{'metadata':{'n':42,'x':1.5,'b':true,'s':'v','o':{'deep':'1'},'a':[1],'z':null,'"
                + longKey
                + "':'v'}}");

    assertThat(f.metadata())
        .containsExactly(
            Map.entry("n", "42"),
            Map.entry("x", "1.5"),
            Map.entry("b", "true"),
            Map.entry("s", "v"));
  }

  @Test
  void readsRetryAfterAsSecondsFromANumberOrAStringOfDigits() {
    assertThat(decode("{'retryAfter':120}").retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(decode("{'retryAfter':0.25}").retryAfter()).isEqualTo(Duration.ofMillis(250));
    assertThat(decode("{'retryAfter':'30'}").retryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(decode("{'retryAfter':'soon'}").retryAfter()).isNull();
    assertThat(decode("{'retryAfter':1e300}").retryAfter()).isNull();
  }

  @Test
  void cutsLongStringsToTheLimitAndMarksTheResultTruncated() {
    DecodeLimits limits = DecodeLimits.DEFAULT.withMaxStringLength(10);
    byte[] body = json("{'detail':'" + "x".repeat(100) + "'}");

    Fault f = ProblemJson.decode(body, limits);

    assertThat(f.message()).isEqualTo("x".repeat(10));
    assertThat(f.truncated()).isTrue();
  }

  @Test
  void readsTheTruncatedMemberOfEachFault() {
    Fault f = decode("{'truncated':true,'causes':[{'code':'ABORTED','truncated':true},{}]}");

    assertThat(f.truncated()).isTrue();
    assertThat(f.cause().truncated()).isTrue();
    assertThat(f.cause().cause().truncated()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "not json", "[1,2]", "42", "null", "\"text\"", "<html>502</html>"})
  void turnsGarbageIntoAnUnknownFaultWithTheGenericMessage(String body) {
    Fault f = ProblemJson.decode(body.getBytes(StandardCharsets.UTF_8));

    assertThat(f.code()).isEqualTo(Code.UNKNOWN);
    assertThat(f.message()).isEqualTo(Code.UNKNOWN.defaultMessage());
    assertThat(f.cause()).isNull();
  }

  @Test
  void decodesEveryPrefixOfAValidProblemWithoutThrowingAndMarksItTruncated() {
    byte[] full = ProblemJson.encode(SampleFaults.chain(), Exposure.DEBUG);

    for (int n = 1; n < full.length; n++) {
      byte[] prefix = Arrays.copyOf(full, n);
      assertThatCode(() -> ProblemJson.decode(prefix)).doesNotThrowAnyException();
      assertThat(ProblemJson.decode(prefix).truncated()).as("prefix of %d bytes", n).isTrue();
    }
    assertThat(ProblemJson.decode(full).truncated()).isFalse();
  }

  static Fault decode(String singleQuoted) {
    return ProblemJson.decode(json(singleQuoted));
  }

  static byte[] json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }
}
