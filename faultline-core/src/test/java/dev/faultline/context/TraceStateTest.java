package dev.faultline.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceStateTest {

  static String members(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "k" + i + "=v" + i)
        .collect(Collectors.joining(","));
  }

  @Test
  void keepsAValidListAsItIs() {
    String state = "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE";

    assertThat(TraceState.normalize(state)).isSameAs(state);
  }

  @Test
  void dropsBlanksAroundMembersAndEmptyMembers() {
    assertThat(TraceState.normalize(" rojo=1 ,, \tcongo=2,")).isEqualTo("rojo=1,congo=2");
    assertThat(TraceState.normalize(" , ,")).isNull();
    assertThat(TraceState.normalize("")).isNull();
  }

  @Test
  void treatsTrailingBlanksAsOptionalWhitespaceNotAsValue() {
    assertThat(TraceState.normalize("a=x y \t")).isEqualTo("a=x y");
  }

  @Test
  void acceptsThirtyTwoMembersAndDiscardsThirtyThree() {
    assertThat(TraceState.normalize(members(32))).isEqualTo(members(32));
    assertThat(TraceState.normalize(members(33))).isNull();
  }

  @Test
  void discardsTheWholeListWhenAKeyRepeats() {
    assertThat(TraceState.normalize("a=1,b=2,a=3")).isNull();
    assertThat(TraceState.normalize("t@sys=1,t@sys=2")).isNull();
    assertThat(TraceState.normalize("ab=1,a=2,abc=3")).isEqualTo("ab=1,a=2,abc=3");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Rojo=1",
        "1abc=1",
        "a.b=1",
        "=1",
        "a",
        "a=",
        "a=1=2",
        "a=tab\there",
        "a=é",
        "@sys=1",
        "tenant@=1",
        "tenant@1sys=1",
        "tenant@systemnamelonger=1",
        "t@s@x=1",
        "ok=1,BAD=2",
      })
  void discardsTheWholeListForAnInvalidMember(String state) {
    assertThat(TraceState.normalize(state)).isNull();
  }

  @Test
  void acceptsEveryKeyAndValueCharOfTheGrammar() {
    String simple = "a0_-*/=" + "x y!~";
    String tenant = "0tenant_-*/@s0_-*/" + "=v";
    String longest = "a".repeat(256) + "=" + "v".repeat(256);

    assertThat(TraceState.normalize(simple + "," + tenant + "," + longest)).isNotNull();
    assertThat(TraceState.normalize("a".repeat(257) + "=v")).isNull();
    assertThat(TraceState.normalize("a=" + "v".repeat(257))).isNull();
    assertThat(TraceState.normalize("t".repeat(241) + "@s=1")).isNotNull();
    assertThat(TraceState.normalize("t".repeat(242) + "@s=1")).isNull();
    assertThat(TraceState.normalize("t@" + "s".repeat(14) + "=1")).isNotNull();
  }

  @Test
  void combinesRepeatedHeadersInOrder() {
    assertThat(TraceState.parse(List.of("a=1,b=2", "c=3"))).isEqualTo("a=1,b=2,c=3");
    assertThat(TraceState.parse(List.of("a=1", "a=2"))).isNull();
    assertThat(
            TraceState.parse(List.of(members(20), members(40).substring(members(20).length() + 1))))
        .isNull();
  }

  @Test
  void leavesAListWithinTheLimitUncut() {
    String state = members(32);

    assertThat(TraceState.truncate(state)).isSameAs(state);
  }

  @Test
  void truncatesByDroppingLongMembersFirstFromTheEnd() {
    String shorts =
        IntStream.range(0, 10)
            .mapToObj(i -> "s" + i + "=" + "v".repeat(22))
            .collect(Collectors.joining(","));
    String state =
        members(10) + ",big=" + "x".repeat(200) + ",tail=1," + shorts + ",last=" + "y".repeat(200);

    String cut = TraceState.truncate(state);

    assertThat(state.length() - "last=".length() - 201).isGreaterThan(TraceState.MAX_SENT);
    assertThat(cut.length()).isLessThanOrEqualTo(TraceState.MAX_SENT);
    assertThat(cut).isEqualTo(members(10) + ",tail=1," + shorts);
  }

  @Test
  void truncatesFromTheEndWhenNoMemberIsLong() {
    String member = "k%02d=" + "v".repeat(100);
    String state =
        IntStream.range(0, 8)
            .mapToObj(i -> String.format(member, i))
            .collect(Collectors.joining(","));

    String cut = TraceState.truncate(state);

    assertThat(cut.length()).isLessThanOrEqualTo(TraceState.MAX_SENT);
    assertThat(cut).startsWith(String.format(member, 0)).contains("k03=").doesNotContain("k04=");
  }
}
