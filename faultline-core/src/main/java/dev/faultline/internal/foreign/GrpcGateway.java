package dev.faultline.internal.foreign;

import dev.faultline.Code;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * grpc-gateway's {@code google.rpc.Status} as JSON: {@code {"code": 5, "message": …, "details":
 * [...]}}, the code being a gRPC number. Recognized by a code in 0–16 together with a {@code
 * details} array, a {@code Grpc-Metadata-*} header, or no members but those of a Status.
 */
final class GrpcGateway {
  private static final Set<String> STATUS_MEMBERS = Set.of("code", "message", "error", "details");

  private GrpcGateway() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> root = Nodes.object(r.json());
    Integer number = Nodes.integer(root, "code");
    if (root == null || number == null || number < 0 || number > 16) {
      return null;
    }
    boolean shaped =
        Nodes.list(root, "details") != null
            || r.hasHeaderStartingWith("grpc-metadata-")
            || STATUS_MEMBERS.containsAll(root.keySet());
    if (!shaped) {
      return null;
    }
    Code code = Code.forGrpcNumber(number);
    String message = Nodes.string(root, "message");
    Draft d =
        new Draft("grpc-gateway")
            .code(code)
            .message(message != null ? message : Nodes.string(root, "error"))
            .meta("grpcCode", number);
    GoogleDetails.apply(Nodes.list(root, "details"), d);
    return d;
  }
}
