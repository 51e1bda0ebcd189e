package dev.faultline.internal.foreign;

import dev.faultline.Code;
import dev.faultline.internal.Reasons;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The canonical code of an application code read from a body, when it clearly names one: a {@link
 * Code} name in any spelling ({@code "not_found"}, {@code "NotFound"}), or a well-known code of
 * GraphQL servers, Django REST Framework, Fastify, Stripe, OAuth 2 and common APIs. Null otherwise:
 * the caller then keeps the string and falls back on the HTTP status.
 */
final class AppCodes {
  private static final Map<String, Code> KNOWN = new HashMap<>();

  static {
    put(Code.UNAUTHENTICATED, "UNAUTHORIZED", "NOT_AUTHENTICATED", "AUTHENTICATION_FAILED");
    put(Code.UNAUTHENTICATED, "INVALID_TOKEN", "INVALID_CLIENT", "API_KEY_EXPIRED");
    put(Code.PERMISSION_DENIED, "FORBIDDEN", "ACCESS_DENIED", "INSUFFICIENT_SCOPE");
    put(Code.INVALID_ARGUMENT, "BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST");
    put(Code.INVALID_ARGUMENT, "GRAPHQL_PARSE_FAILED", "OPERATION_RESOLUTION_FAILURE");
    put(Code.INVALID_ARGUMENT, "VALIDATION_ERROR", "VALIDATION_FAILED", "INVALID_SYNTAX");
    put(Code.INVALID_ARGUMENT, "PARSE_ERROR", "INVALID", "INVALID_REQUEST", "FST_ERR_VALIDATION");
    put(Code.INVALID_ARGUMENT, "FST_ERR_CTP_EMPTY_JSON_BODY", "FST_ERR_BAD_URL");
    put(Code.INVALID_ARGUMENT, "FST_ERR_CTP_INVALID_CONTENT_LENGTH", "PARAMETER_MISSING");
    put(Code.INVALID_ARGUMENT, "PARAMETER_INVALID_EMPTY", "PARAMETER_INVALID_INTEGER");
    put(Code.INVALID_ARGUMENT, "PARAMETER_UNKNOWN", "MISSING_FIELD", "MISSING");
    put(Code.NOT_FOUND, "PERSISTED_QUERY_NOT_FOUND", "FST_ERR_NOT_FOUND", "RESOURCE_MISSING");
    put(Code.NOT_FOUND, "RESOURCE_NOT_FOUND");
    put(Code.ALREADY_EXISTS, "RESOURCE_ALREADY_EXISTS", "DUPLICATE");
    put(Code.ABORTED, "CONFLICT", "LOCK_TIMEOUT", "IDEMPOTENCY_KEY_IN_USE");
    put(Code.RESOURCE_EXHAUSTED, "THROTTLED", "RATE_LIMITED", "RATE_LIMIT", "TOO_MANY_REQUESTS");
    put(Code.RESOURCE_EXHAUSTED, "RATE_LIMIT_EXCEEDED", "FST_ERR_RATE_LIMITED", "QUOTA_EXCEEDED");
    put(Code.UNIMPLEMENTED, "PERSISTED_QUERY_NOT_SUPPORTED", "NOT_IMPLEMENTED");
    put(Code.INTERNAL, "INTERNAL_SERVER_ERROR", "INTERNAL_ERROR", "SERVER_ERROR");
    put(Code.UNAVAILABLE, "SERVICE_UNAVAILABLE");
    put(Code.DEADLINE_EXCEEDED, "TIMEOUT", "GATEWAY_TIMEOUT", "TIMED_OUT");
  }

  private AppCodes() {}

  private static void put(Code code, String... names) {
    for (String name : List.of(names)) {
      KNOWN.put(name, code);
    }
  }

  /** The canonical code {@code raw} names, or null. */
  static @Nullable Code lookup(@Nullable String raw) {
    String normalized = Reasons.normalize(raw);
    if (normalized == null) {
      return null;
    }
    Code named = Code.parse(normalized);
    return named != null ? named : KNOWN.get(normalized);
  }
}
