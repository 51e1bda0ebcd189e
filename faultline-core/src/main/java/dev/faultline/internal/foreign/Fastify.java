package dev.faultline.internal.foreign;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Fastify's error body, {@code {"statusCode": 400, "code": "FST_ERR_VALIDATION", "error": "Bad
 * Request", "message": …}}, and NestJS's, which has the same shape (its {@code message} may be a
 * list of validation messages). {@code code} is the application code ({@code FST_ERR_VALIDATION} is
 * {@code INVALID_ARGUMENT}, {@code FST_ERR_NOT_FOUND} is {@code NOT_FOUND}); else the status.
 */
final class Fastify {
  private Fastify() {}

  static @Nullable Draft read(BoundedResponse r) {
    Map<String, Object> root = Nodes.object(r.json());
    if (Nodes.integer(root, "statusCode") == null || Nodes.string(root, "error") == null) {
      return null;
    }
    String appCode = Nodes.string(root, "code");
    List<Object> messages = Nodes.list(root, "message");
    boolean nest = messages != null || r.headerContains("x-powered-by", "express");
    return new Draft(nest && appCode == null ? "nestjs" : "fastify")
        .code(AppCodes.lookup(appCode))
        .appCode(appCode)
        .message(messages != null ? Violations.summary(messages) : Nodes.string(root, "message"));
  }
}
