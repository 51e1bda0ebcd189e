package dev.faultline.internal.foreign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounded JSON tree that decoders read. */
class JsonTreeTest {
  private static Object parse(String json, int maxString, int maxNesting) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return JsonTree.parse(bytes, bytes.length, maxString, maxNesting);
  }

  @Test
  void readsObjectsInMemberOrderWithTypedScalars() {
    Object tree = parse("{\"b\":1,\"a\":[true,null,2.5,\"x\"],\"c\":{}}", 100, 10);

    assertThat(Nodes.object(tree)).containsOnlyKeys("b", "a", "c");
    assertThat(Nodes.object(tree).keySet()).containsExactly("b", "a", "c");
    assertThat(Nodes.list(tree, "a")).containsExactly(true, null, 2.5, "x");
    assertThat(Nodes.integer(tree, "b")).isEqualTo(1);
  }

  @Test
  void cutsLongStrings() {
    assertThat(Nodes.string(parse("{\"m\":\"abcdefgh\"}", 3, 10), "m")).isEqualTo("abc");
  }

  @Test
  void dropsContainersNestedPastTheLimit() {
    Object tree = parse("{\"a\":{\"b\":{\"c\":1}},\"d\":2}", 100, 2);

    assertThat(Nodes.object(tree, "a")).isEmpty();
    assertThat(Nodes.integer(tree, "d")).isEqualTo(2);
  }

  @Test
  void keepsAtMostAFewHundredMembersPerContainer() {
    String many = "[" + "1,".repeat(1000) + "1]";

    assertThat(Nodes.list(parse("{\"l\":" + many + "}", 100, 10), "l"))
        .hasSize(JsonTree.MAX_MEMBERS);
  }

  @Test
  void isImmutable() {
    Map<String, Object> tree = Nodes.object(parse("{\"l\":[1]}", 100, 10));

    assertThatThrownBy(() -> tree.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    List<Object> list = Nodes.list(tree, "l");
    assertThatThrownBy(() -> list.add(2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givesNullForTextThatIsNotJsonAndThePartReadForJsonThatEnds() {
    assertThat(parse("<html>", 100, 10)).isNull();
    assertThat(parse("404 page not found", 100, 10)).isNull();
    assertThat(parse("", 100, 10)).isNull();
    assertThat(Nodes.string(parse("{\"a\":\"x\",\"b\":[1,", 100, 10), "a")).isEqualTo("x");
  }
}
