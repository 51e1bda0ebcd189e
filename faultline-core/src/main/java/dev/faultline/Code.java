package dev.faultline;

import org.jspecify.annotations.Nullable;

/**
 * The sixteen canonical failure codes of {@code google.rpc.Code}, each with its gRPC number and its
 * HTTP status (the mapping in googleapis {@code google/rpc/code.proto}, plus 499 for {@link
 * #CANCELLED}).
 *
 * <p>A code says what kind of failure happened and so what a caller may do about it; the stable
 * identity of one particular failure is a {@link Fault}'s {@code (domain, reason)}.
 */
public enum Code {
  /** The operation was cancelled, typically by the caller. HTTP 499. */
  CANCELLED(1, 499, "Cancelled", "The request was cancelled."),
  /** An error with no better code, or raised by a peer that gave no information. HTTP 500. */
  UNKNOWN(2, 500, "Unknown", "An unknown error occurred."),
  /** The caller sent an invalid argument, whatever the state of the system. HTTP 400. */
  INVALID_ARGUMENT(3, 400, "Invalid Argument", "The request contains an invalid argument."),
  /** The deadline expired before the operation could complete. HTTP 504. */
  DEADLINE_EXCEEDED(
      4, 504, "Deadline Exceeded", "The deadline expired before the operation completed."),
  /** A requested entity was not found. HTTP 404. */
  NOT_FOUND(5, 404, "Not Found", "The requested resource was not found."),
  /** The entity that a caller attempted to create already exists. HTTP 409. */
  ALREADY_EXISTS(6, 409, "Already Exists", "The resource already exists."),
  /** The caller is known but may not perform the operation. HTTP 403. */
  PERMISSION_DENIED(7, 403, "Permission Denied", "Permission denied."),
  /** A quota or a resource ran out (rate limit, disk, memory). HTTP 429. */
  RESOURCE_EXHAUSTED(8, 429, "Resource Exhausted", "A resource or quota was exhausted."),
  /** The system is not in a state that allows the operation. HTTP 400. */
  FAILED_PRECONDITION(
      9, 400, "Failed Precondition", "The operation was rejected in the current state."),
  /** The operation was aborted, typically by a concurrency conflict. HTTP 409. */
  ABORTED(10, 409, "Aborted", "The operation was aborted."),
  /** The operation was attempted past the valid range. HTTP 400. */
  OUT_OF_RANGE(11, 400, "Out Of Range", "The operation was attempted past the valid range."),
  /** The operation is not implemented or not supported. HTTP 501. */
  UNIMPLEMENTED(12, 501, "Unimplemented", "The operation is not implemented."),
  /** An invariant of the system is broken. HTTP 500. */
  INTERNAL(13, 500, "Internal", "An internal error occurred."),
  /** The service is currently unavailable; retrying may succeed. HTTP 503. */
  UNAVAILABLE(14, 503, "Unavailable", "The service is currently unavailable."),
  /** Unrecoverable data loss or corruption. HTTP 500. */
  DATA_LOSS(15, 500, "Data Loss", "Unrecoverable data loss or corruption."),
  /** The request has no valid credentials. HTTP 401. */
  UNAUTHENTICATED(16, 401, "Unauthenticated", "The request is not authenticated.");

  private static final Code[] BY_NUMBER = new Code[17];

  static {
    for (Code code : values()) {
      BY_NUMBER[code.grpcNumber] = code;
    }
  }

  private final int grpcNumber;
  private final int httpStatus;
  private final String title;
  private final String defaultMessage;

  Code(int grpcNumber, int httpStatus, String title, String defaultMessage) {
    this.grpcNumber = grpcNumber;
    this.httpStatus = httpStatus;
    this.title = title;
    this.defaultMessage = defaultMessage;
  }

  /** The number of this code in {@code google.rpc.Code} and on the gRPC wire. */
  public int grpcNumber() {
    return grpcNumber;
  }

  /** The HTTP status that an HTTP boundary answers with for this code. */
  public int httpStatus() {
    return httpStatus;
  }

  /** A short human title, such as {@code "Not Found"}. */
  public String title() {
    return title;
  }

  /** A generic message that is safe to show to anyone, used when no safe message was written. */
  public String defaultMessage() {
    return defaultMessage;
  }

  /**
   * Whether a caller may retry the same request and expect a different outcome: {@link
   * #UNAVAILABLE}, {@link #DEADLINE_EXCEEDED}, {@link #RESOURCE_EXHAUSTED} and {@link #ABORTED}.
   */
  public boolean isTransient() {
    return this == UNAVAILABLE
        || this == DEADLINE_EXCEEDED
        || this == RESOURCE_EXHAUSTED
        || this == ABORTED;
  }

  /**
   * Whether this code blames the caller of the service that raised it. By the propagation rule of
   * protobuf.dev such a code must not be passed on blindly: a service that fails because its callee
   * said "your argument is invalid" has a bug of its own, not a bad argument from its caller.
   */
  public boolean isCallerError() {
    return switch (this) {
      case INVALID_ARGUMENT,
          NOT_FOUND,
          ALREADY_EXISTS,
          FAILED_PRECONDITION,
          OUT_OF_RANGE,
          PERMISSION_DENIED,
          UNAUTHENTICATED ->
          true;
      default -> false;
    };
  }

  /** The code with this gRPC number, or {@code null} for 0 (OK) and numbers outside 1–16. */
  public static @Nullable Code forGrpcNumber(int number) {
    return number > 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
  }

  /**
   * The code that an HTTP status alone implies, for a response that carries no code of its own
   * (googleapis' mapping reversed): 400 {@link #INVALID_ARGUMENT}, 401 {@link #UNAUTHENTICATED},
   * 403 {@link #PERMISSION_DENIED}, 404 {@link #NOT_FOUND}, 409 {@link #ABORTED}, 412 {@link
   * #FAILED_PRECONDITION}, 422 {@link #INVALID_ARGUMENT}, 429 {@link #RESOURCE_EXHAUSTED}, 499
   * {@link #CANCELLED}, 501 {@link #UNIMPLEMENTED}, 502 and 503 {@link #UNAVAILABLE}, 504 {@link
   * #DEADLINE_EXCEEDED}, other 5xx {@link #INTERNAL}, other 4xx {@link #FAILED_PRECONDITION}, and
   * {@link #UNKNOWN} for anything else.
   */
  public static Code fromHttpStatus(int status) {
    return switch (status) {
      case 400, 422 -> INVALID_ARGUMENT;
      case 401 -> UNAUTHENTICATED;
      case 403 -> PERMISSION_DENIED;
      case 404 -> NOT_FOUND;
      case 409 -> ABORTED;
      case 412 -> FAILED_PRECONDITION;
      case 429 -> RESOURCE_EXHAUSTED;
      case 499 -> CANCELLED;
      case 501 -> UNIMPLEMENTED;
      case 502, 503 -> UNAVAILABLE;
      case 504 -> DEADLINE_EXCEEDED;
      default ->
          status >= 500 && status < 600
              ? INTERNAL
              : status >= 400 && status < 500 ? FAILED_PRECONDITION : UNKNOWN;
    };
  }

  /**
   * The code with this name, ignoring case, surrounding blanks and the separators {@code -}, {@code
   * .} and space ({@code "not-found"} and {@code "Not Found"} are {@link #NOT_FOUND}); {@code null}
   * when no code has this name. Never throws: meant for names read from the wire.
   */
  public static @Nullable Code parse(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String trimmed = name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 32) {
      return null;
    }
    StringBuilder normal = new StringBuilder(trimmed.length());
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == '-' || c == '.' || c == ' ') {
        normal.append('_');
      } else if (c < 128) {
        normal.append(Character.toUpperCase(c));
      } else {
        return null;
      }
    }
    String key = normal.toString();
    for (Code code : values()) {
      if (code.name().equals(key)) {
        return code;
      }
    }
    return null;
  }
}
