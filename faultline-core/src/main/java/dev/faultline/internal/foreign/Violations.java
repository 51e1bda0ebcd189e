package dev.faultline.internal.foreign;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A one-line summary of a list or map of validation errors, as frameworks send them: {@code
 * "body.sku: field required; qty: must be positive"}. Reads at most {@value #MAX_ITEMS} items.
 */
final class Violations {
  static final int MAX_ITEMS = 10;

  private Violations() {}

  /**
   * From a list of objects, each naming a field ({@code field}, {@code loc}, {@code pointer},
   * {@code source.pointer}, {@code name}, {@code path}) and a message ({@code message}, {@code
   * msg}, {@code detail}, {@code description}, {@code defaultMessage}); or from a map of field to
   * message(s), as ASP.NET Core sends. Null when there is nothing.
   */
  static @Nullable String summary(@Nullable Object errors) {
    StringBuilder out = new StringBuilder();
    if (errors instanceof List) {
      List<?> list = (List<?>) errors;
      for (int i = 0; i < list.size() && i < MAX_ITEMS; i++) {
        Object item = list.get(i);
        append(out, field(item), item instanceof String ? (String) item : message(item));
      }
    } else if (errors instanceof Map) {
      int i = 0;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) errors).entrySet()) {
        if (i++ >= MAX_ITEMS) {
          break;
        }
        Object v = e.getValue();
        Object first = v instanceof List && !((List<?>) v).isEmpty() ? ((List<?>) v).get(0) : v;
        append(out, String.valueOf(e.getKey()), first instanceof String ? (String) first : null);
      }
    }
    return RemoteText.message(out.toString());
  }

  /** The number of items in a list or map of errors, or null. */
  static @Nullable Integer count(@Nullable Object errors) {
    if (errors instanceof List) {
      return ((List<?>) errors).size();
    }
    return errors instanceof Map ? ((Map<?, ?>) errors).size() : null;
  }

  private static void append(StringBuilder out, @Nullable String field, @Nullable String message) {
    if (field == null && message == null) {
      return;
    }
    if (out.length() > 0) {
      out.append("; ");
    }
    if (field != null) {
      out.append(field).append(message != null ? ": " : "");
    }
    if (message != null) {
      out.append(message);
    }
  }

  private static @Nullable String field(@Nullable Object item) {
    List<Object> loc = Nodes.list(item, "loc");
    if (loc != null) {
      StringBuilder path = new StringBuilder();
      for (Object part : loc) {
        path.append(path.length() > 0 ? "." : "").append(part);
      }
      return path.toString();
    }
    for (String name : List.of("field", "pointer", "name", "path", "parameter")) {
      String value = Nodes.text(item, name);
      if (value != null) {
        return value;
      }
    }
    Map<String, Object> source = Nodes.object(item, "source");
    return source == null ? null : field(source);
  }

  private static @Nullable String message(@Nullable Object item) {
    for (String name : List.of("message", "msg", "detail", "description", "defaultMessage")) {
      String value = Nodes.string(item, name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
