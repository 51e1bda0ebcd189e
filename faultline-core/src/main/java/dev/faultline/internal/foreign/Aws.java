package dev.faultline.internal.foreign;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * AWS JSON and restJson protocols ({@code __type} such as {@code
 * "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"}, or the {@code x-amzn-ErrorType}
 * header such as {@code "ValidationException:http://…"}) and the XML protocols ({@code
 * <Error><Code>NoSuchKey</Code>…}, as S3, EC2, SQS and STS answer).
 */
final class Aws {
  private Aws() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> root = Nodes.object(r.json());
    String type = r.header("x-amzn-errortype");
    if (type == null) {
      type = Nodes.string(root, "__type");
    }
    if (type != null) {
      return draft("aws-json", type, message(root), Nodes.string(root, "RequestId"));
    }
    String text = r.bodyText();
    boolean xml =
        root == null
            && (RemoteText.startsWithIgnoreCase(text, "<?xml")
                || RemoteText.startsWithIgnoreCase(text, "<Error")
                || RemoteText.startsWithIgnoreCase(text, "<Response"));
    String code = xml ? Html.element(text, "Code") : null;
    if (code == null) {
      return null;
    }
    return draft("aws-xml", code, Html.element(text, "Message"), Html.element(text, "RequestId"));
  }

  private static Draft draft(
      String format, String type, @Nullable String message, @Nullable String requestId) {
    int colon = type.indexOf(':');
    String qualified = (colon >= 0 ? type.substring(0, colon) : type).strip();
    int hash = qualified.lastIndexOf('#');
    String name = hash >= 0 ? qualified.substring(hash + 1) : qualified;
    String namespace = hash >= 0 ? qualified.substring(0, hash) : "";
    Draft d =
        new Draft(format)
            .code(AwsNames.codeOf(name, message))
            .appCode(name)
            .domain(domain(namespace))
            .message(message);
    d.requestId = RemoteText.clean(requestId, 128);
    return d.meta("awsType", qualified.equals(name) ? null : qualified);
  }

  private static @Nullable String message(@Nullable Map<String, Object> root) {
    String message = Nodes.string(root, "message");
    return message != null ? message : Nodes.string(root, "Message");
  }

  /** {@code "dynamodb.amazonaws.com"} for {@code "com.amazonaws.dynamodb.v20120810"}. */
  private static String domain(String namespace) {
    String[] parts = namespace.split("\\.", 8);
    for (int i = 0; i + 1 < parts.length; i++) {
      if (parts[i].equals("amazonaws") && !parts[i + 1].isBlank()) {
        return parts[i + 1] + ".amazonaws.com";
      }
    }
    return "amazonaws.com";
  }
}
