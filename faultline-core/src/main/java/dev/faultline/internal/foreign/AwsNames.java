package dev.faultline.internal.foreign;

import dev.faultline.Code;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The canonical code of a well-known AWS error name ({@code ResourceNotFoundException}, {@code
 * NoSuchKey}, {@code Throttling}, …), with or without the {@code Exception} suffix; null for a name
 * it does not know, which then falls back on the status.
 */
final class AwsNames {
  private static final Map<String, Code> EXACT = new HashMap<>();

  static {
    put(Code.INVALID_ARGUMENT, "Validation", "ValidationError", "InvalidParameterValue");
    put(Code.INVALID_ARGUMENT, "InvalidParameter", "InvalidParameterCombination", "Serialization");
    put(Code.INVALID_ARGUMENT, "MissingParameter", "InvalidRequest", "InvalidArgument");
    put(Code.INVALID_ARGUMENT, "MalformedQueryString", "InvalidInput", "BadRequest");
    put(Code.RESOURCE_EXHAUSTED, "Throttling", "Throttled", "TooManyRequests", "SlowDown");
    put(Code.RESOURCE_EXHAUSTED, "ProvisionedThroughputExceeded", "RequestLimitExceeded");
    put(Code.RESOURCE_EXHAUSTED, "LimitExceeded", "ServiceQuotaExceeded", "RequestThrottled");
    put(Code.PERMISSION_DENIED, "AccessDenied", "Forbidden", "UnauthorizedOperation");
    put(Code.PERMISSION_DENIED, "OptInRequired", "AuthorizationError");
    put(Code.UNAUTHENTICATED, "UnrecognizedClient", "ExpiredToken", "InvalidSignature");
    put(Code.UNAUTHENTICATED, "InvalidClientTokenId", "MissingAuthenticationToken");
    put(Code.UNAUTHENTICATED, "IncompleteSignature", "SignatureDoesNotMatch", "AuthFailure");
    put(Code.UNAUTHENTICATED, "InvalidAccessKeyId", "Unauthorized", "NotAuthorized");
    put(Code.FAILED_PRECONDITION, "ConditionalCheckFailed", "PreconditionFailed");
    put(Code.ABORTED, "TransactionConflict", "TransactionCanceled", "Conflict", "ResourceInUse");
    put(Code.ABORTED, "ConcurrentModification", "ResourceConflict", "OperationAborted");
    put(Code.UNAVAILABLE, "ServiceUnavailable", "Unavailable");
    put(Code.INTERNAL, "InternalServerError", "InternalFailure", "InternalError");
    put(Code.INTERNAL, "InternalServer", "InternalService");
    put(Code.DEADLINE_EXCEEDED, "RequestTimeout");
    put(Code.UNIMPLEMENTED, "NotImplemented", "InvalidAction", "UnknownOperation");
    put(Code.UNIMPLEMENTED, "UnsupportedOperation");
    put(Code.OUT_OF_RANGE, "InvalidRange");
  }

  private AwsNames() {}

  private static void put(Code code, String... names) {
    for (String name : List.of(names)) {
      EXACT.put(name, code);
    }
  }

  /**
   * The code of {@code name}; a conflict whose {@code message} says "already exists" is {@link
   * Code#ALREADY_EXISTS}, as DynamoDB's {@code ResourceInUseException} on an existing table.
   */
  static @Nullable Code codeOf(String name, @Nullable String message) {
    String base = strip(strip(name, "Exception"), "Fault");
    if (base.endsWith("AlreadyExists") || base.endsWith("AlreadyOwnedByYou")) {
      return Code.ALREADY_EXISTS;
    }
    if (base.endsWith("NotFound") || base.startsWith("NoSuch")) {
      return Code.NOT_FOUND;
    }
    Code code = EXACT.get(base);
    if (code == Code.ABORTED && RemoteText.containsIgnoreCase(message, "already exist")) {
      return Code.ALREADY_EXISTS;
    }
    return code;
  }

  private static String strip(String name, String suffix) {
    return name.endsWith(suffix) && name.length() > suffix.length()
        ? name.substring(0, name.length() - suffix.length())
        : name;
  }
}
