package dev.faultline.grpc;

import dev.faultline.context.Propagation;
import io.grpc.Metadata;
import java.util.ArrayList;
import java.util.List;

/** {@link Propagation} over gRPC {@link Metadata}: ASCII headers, names in lower case. */
final class MetadataHeaders {
  static final Propagation.Getter<Metadata> GETTER = MetadataHeaders::values;
  static final Propagation.Setter<Metadata> SETTER = MetadataHeaders::set;

  private MetadataHeaders() {}

  private static List<String> values(Metadata metadata, String name) {
    Iterable<String> values = metadata.getAll(key(name));
    if (values == null) {
      return List.of();
    }
    List<String> list = new ArrayList<>(1);
    values.forEach(list::add);
    return list;
  }

  private static void set(Metadata metadata, String name, String value) {
    Metadata.Key<String> key = key(name);
    metadata.removeAll(key);
    metadata.put(key, value);
  }

  private static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }
}
