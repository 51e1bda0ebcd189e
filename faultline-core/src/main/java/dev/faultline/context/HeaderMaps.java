package dev.faultline.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@link Propagation} getter and setter over {@code Map<String, List<String>>}. */
final class HeaderMaps {
  static final Propagation.Getter<Map<String, List<String>>> GETTER = HeaderMaps::values;
  static final Propagation.Setter<Map<String, List<String>>> SETTER = HeaderMaps::set;

  private HeaderMaps() {}

  private static List<String> values(Map<String, List<String>> map, String name) {
    List<String> found = null;
    List<String> joined = null;
    for (Map.Entry<String, List<String>> entry : map.entrySet()) {
      List<String> values = entry.getValue();
      if (values == null || !name.equalsIgnoreCase(entry.getKey())) {
        continue;
      }
      if (found == null) {
        found = values;
      } else {
        if (joined == null) {
          joined = new ArrayList<>(found);
        }
        joined.addAll(values);
      }
    }
    return joined != null ? joined : found != null ? found : List.of();
  }

  private static void set(Map<String, List<String>> map, String name, String value) {
    map.keySet().removeIf(key -> key != null && !key.equals(name) && key.equalsIgnoreCase(name));
    map.put(name, List.of(value));
  }
}
