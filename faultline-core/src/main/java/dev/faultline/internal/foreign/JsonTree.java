package dev.faultline.internal.foreign;

import dev.faultline.internal.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads a JSON body into a bounded, immutable tree of maps, lists and scalars, with one streaming
 * pass and no recursion. Strings are cut, containers past the nesting limit are skipped, and each
 * container keeps at most {@value #MAX_MEMBERS} members. Input that ends early or breaks the
 * parser's own limits gives the part read so far; input that does not start as JSON gives null.
 */
final class JsonTree {
  static final int MAX_MEMBERS = 256;

  private final int maxString;
  private final int maxNesting;
  private final Deque<Object> open = new ArrayDeque<>();
  private @Nullable Object root;
  private @Nullable String name;

  private JsonTree(int maxString, int maxNesting) {
    this.maxString = maxString;
    this.maxNesting = maxNesting;
  }

  /** The tree of {@code body[0..length)}, or null when it is not JSON. */
  static @Nullable Object parse(byte[] body, int length, int maxString, int maxNesting) {
    if (!startsLikeJson(body, length)) {
      return null;
    }
    JsonTree tree = new JsonTree(maxString, maxNesting);
    try (JsonParser p = Json.FACTORY.createParser(ObjectReadContext.empty(), body, 0, length)) {
      tree.read(p);
    } catch (JacksonException e) {
      // Truncated or malformed: keep what was read.
    }
    return tree.root == null ? null : freeze(tree.root);
  }

  private static boolean startsLikeJson(byte[] body, int length) {
    for (int i = 0; i < length; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b == '{' || b == '[';
      }
    }
    return false;
  }

  private void read(JsonParser p) {
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      switch (t) {
        case PROPERTY_NAME -> name = p.currentName();
        case START_OBJECT, START_ARRAY -> openContainer(p, t == JsonToken.START_OBJECT);
        case END_OBJECT, END_ARRAY -> {
          open.pop();
          if (open.isEmpty()) {
            return;
          }
        }
        case VALUE_STRING -> add(p, string(p));
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> add(p, p.getNumberValue());
        case VALUE_TRUE -> add(p, Boolean.TRUE);
        case VALUE_FALSE -> add(p, Boolean.FALSE);
        case VALUE_NULL -> add(p, null);
        default -> {}
      }
    }
  }

  private void openContainer(JsonParser p, boolean object) {
    if (open.size() >= maxNesting || !hasRoom()) {
      p.skipChildren();
      return;
    }
    Object container = object ? new LinkedHashMap<String, Object>() : new ArrayList<Object>();
    if (open.isEmpty()) {
      root = container;
    } else {
      put(container);
    }
    open.push(container);
  }

  private void add(JsonParser p, @Nullable Object value) {
    if (!open.isEmpty() && hasRoom()) {
      put(value);
    }
  }

  @SuppressWarnings("unchecked")
  private boolean hasRoom() {
    Object top = open.peek();
    if (top == null) {
      return true;
    }
    int size = top instanceof Map ? ((Map<String, Object>) top).size() : ((List<?>) top).size();
    return size < MAX_MEMBERS;
  }

  @SuppressWarnings("unchecked")
  private void put(@Nullable Object value) {
    Object top = open.peek();
    if (top instanceof Map) {
      ((Map<String, @Nullable Object>) top).put(name != null ? name : "", value);
    } else if (top != null) {
      ((List<@Nullable Object>) top).add(value);
    }
  }

  private String string(JsonParser p) {
    int length = p.getStringLength();
    return new String(p.getStringCharacters(), p.getStringOffset(), Math.min(length, maxString));
  }

  @SuppressWarnings("unchecked")
  private static Object freeze(Object node) {
    if (node instanceof Map) {
      Map<String, Object> map = (Map<String, Object>) node;
      map.replaceAll((k, v) -> v == null ? null : freeze(v));
      return Collections.unmodifiableMap(map);
    }
    if (node instanceof List) {
      List<Object> list = (List<Object>) node;
      list.replaceAll(v -> v == null ? null : freeze(v));
      return Collections.unmodifiableList(list);
    }
    return node;
  }
}
