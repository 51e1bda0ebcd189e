package dev.faultline.grpc.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Sizes of what gRPC puts on the wire for a status: base64 details, percent-encoded message. */
final class Wire {
  private Wire() {}

  /** The wire size of details and the description that goes beside them. */
  static int size(com.google.rpc.Status details, @Nullable String description) {
    int size = base64Size(details.getSerializedSize());
    return description == null ? size + messageSize(details.getMessage()) : size;
  }

  /** Unpadded base64, as gRPC sends binary metadata. */
  static int base64Size(int bytes) {
    return (bytes * 4 + 2) / 3;
  }

  /**
   * {@code grpc-message}: UTF-8, every byte outside printable ASCII or {@code %} as {@code %XX}.
   */
  static int messageSize(String message) {
    int size = 0;
    for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
      size += b < ' ' || b > '~' || b == '%' ? 3 : 1;
    }
    return size;
  }
}
