package dev.faultline.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses JSON into maps, lists, strings, numbers and booleans, to assert on encoder output member
 * by member. Strict: a duplicate member name fails the test.
 */
public final class JsonTree {
  private static final JsonFactory STRICT =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private JsonTree() {}

  /** The JSON object in {@code json}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(byte[] json) {
    try (JsonParser p = STRICT.createParser(ObjectReadContext.empty(), json)) {
      p.nextToken();
      Object value = value(p);
      if (p.nextToken() != null) {
        throw new AssertionError("trailing content after the object");
      }
      return (Map<String, Object>) value;
    }
  }

  /** The JSON object in {@code json}. */
  public static Map<String, Object> object(String json) {
    return object(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Object value(JsonParser p) {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
          p.nextToken();
          map.put(name, value(p));
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        return list;
      case VALUE_STRING:
        return p.getString();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return p.getBooleanValue();
      default:
        throw new AssertionError("unexpected token " + t);
    }
  }
}
