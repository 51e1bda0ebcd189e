package dev.faultline.internal.foreign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A bounded, case-insensitive copy of a response's headers. Null names, null lists and null values
 * (as {@code HttpURLConnection} gives for the status line) are dropped; names that differ only in
 * case are merged.
 */
final class Headers {
  static final int MAX_NAMES = 512;
  static final int MAX_VALUES = 64;

  private final TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  Headers(@Nullable Map<String, List<String>> headers) {
    if (headers == null) {
      return;
    }
    int names = 0;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (++names > MAX_NAMES) {
        break;
      }
      String name = e.getKey();
      List<String> values = e.getValue();
      if (name == null || values == null) {
        continue;
      }
      List<String> kept = byName.computeIfAbsent(name, n -> new ArrayList<>(1));
      for (String value : values) {
        if (value != null && kept.size() < MAX_VALUES) {
          kept.add(value);
        }
      }
    }
  }

  @Nullable String first(String name) {
    List<String> values = byName.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  List<String> all(String name) {
    List<String> values = byName.get(name);
    return values == null ? List.of() : List.copyOf(values);
  }

  /** Whether some header's name starts with {@code prefix} (lower case). */
  boolean anyStartingWith(String prefix) {
    String ceiling = byName.ceilingKey(prefix);
    return ceiling != null && ceiling.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
