package dev.faultline.internal.foreign;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Typed, null-tolerant reads from a {@link JsonTree}: a member of the wrong type is absent. */
final class Nodes {
  private Nodes() {}

  /** {@code node} as an object, or null. */
  @SuppressWarnings("unchecked")
  static @Nullable Map<String, Object> object(@Nullable Object node) {
    return node instanceof Map ? (Map<String, Object>) node : null;
  }

  /** The member {@code name} of {@code node} when both are objects, or null. */
  static @Nullable Map<String, Object> object(@Nullable Object node, String name) {
    Map<String, Object> map = object(node);
    return map == null ? null : object(map.get(name));
  }

  /** The member {@code name} of {@code node} when it is an array, or null. */
  @SuppressWarnings("unchecked")
  static @Nullable List<Object> list(@Nullable Object node, String name) {
    Map<String, Object> map = object(node);
    Object value = map == null ? null : map.get(name);
    return value instanceof List ? (List<Object>) value : null;
  }

  /** The member {@code name} when it is a non-blank string, or null. */
  static @Nullable String string(@Nullable Object node, String name) {
    Map<String, Object> map = object(node);
    Object value = map == null ? null : map.get(name);
    return value instanceof String && !((String) value).isBlank() ? (String) value : null;
  }

  /** The member {@code name} as text when it is a string, a number or a boolean, or null. */
  static @Nullable String text(@Nullable Object node, String name) {
    Map<String, Object> map = object(node);
    Object value = map == null ? null : map.get(name);
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return value instanceof String && !((String) value).isBlank() ? (String) value : null;
  }

  /** The member {@code name} when it is a JSON integer in int range, or null. */
  static @Nullable Integer integer(@Nullable Object node, String name) {
    Map<String, Object> map = object(node);
    Object value = map == null ? null : map.get(name);
    return value instanceof Integer ? (Integer) value : null;
  }

  /** As {@link #integer}, but a string of at most 9 digits (such as {@code "404"}) counts too. */
  static @Nullable Integer intOrDigits(@Nullable Object node, String name) {
    Integer number = integer(node, name);
    if (number != null) {
      return number;
    }
    String s = string(node, name);
    if (s == null) {
      return null;
    }
    s = s.strip();
    if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Integer.parseInt(s);
  }

  /** Whether {@code node} is an object with a member {@code name}, whatever its value. */
  static boolean has(@Nullable Object node, String name) {
    Map<String, Object> map = object(node);
    return map != null && map.containsKey(name);
  }

  /** The first element of the array member {@code name} when it is an object, or null. */
  static @Nullable Map<String, Object> firstObject(@Nullable Object node, String name) {
    List<Object> list = list(node, name);
    return list == null || list.isEmpty() ? null : object(list.get(0));
  }
}
