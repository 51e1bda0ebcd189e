package dev.faultline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Fault}; obtained from {@link Fault#builder(Code)}. Setters have bare names, and
 * each rejects a malformed value at once with a message that names the field.
 */
public final class FaultBuilder {
  /** The longest reason allowed, as in AIP-193's {@code ErrorInfo.reason}. */
  public static final int MAX_REASON_LENGTH = 63;

  /** The longest metadata key allowed, as in AIP-193's {@code ErrorInfo.metadata}. */
  public static final int MAX_METADATA_KEY_LENGTH = 64;

  Code code;
  @Nullable String reason;
  @Nullable String domain;
  @Nullable String message;
  @Nullable String service;
  @Nullable String traceId;
  @Nullable String spanId;
  @Nullable String instanceId;
  @Nullable Instant timestamp;
  @Nullable Duration retryAfter;
  final Map<String, String> metadata;
  @Nullable Fault cause;
  boolean truncated;
  @Nullable String exception;
  @Nullable String exceptionMessage;
  List<String> stackTrace;

  FaultBuilder(Code code) {
    this.code = Objects.requireNonNull(code, "code");
    this.metadata = new LinkedHashMap<>();
    this.stackTrace = List.of();
  }

  FaultBuilder(Fault f) {
    this.code = f.code();
    this.reason = f.reason();
    this.domain = f.domain();
    this.message = f.message();
    this.service = f.service();
    this.traceId = f.traceId();
    this.spanId = f.spanId();
    this.instanceId = f.instanceId();
    this.timestamp = f.timestamp();
    this.retryAfter = f.retryAfter();
    this.metadata = new LinkedHashMap<>(f.metadata());
    this.cause = f.cause();
    this.truncated = f.truncated();
    this.exception = f.exception();
    this.exceptionMessage = f.exceptionMessage();
    this.stackTrace = f.stackTrace();
  }

  /**
   * Whether {@code reason} is UPPER_SNAKE ({@code [A-Z][A-Z0-9_]*}, not ending in {@code _}), at
   * most 63 chars.
   */
  public static boolean isValidReason(String reason) {
    int n = reason.length();
    if (n == 0 || n > MAX_REASON_LENGTH || !isUpper(reason.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = reason.charAt(i);
      if (!isUpper(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return reason.charAt(n - 1) != '_';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** The canonical code. */
  public FaultBuilder code(Code code) {
    this.code = Objects.requireNonNull(code, "code");
    return this;
  }

  /**
   * The stable machine identity of the failure, such as {@code "SKU_NOT_FOUND"}.
   *
   * @throws IllegalArgumentException when it is not UPPER_SNAKE or longer than 63 characters
   */
  public FaultBuilder reason(@Nullable String reason) {
    if (reason != null && !isValidReason(reason)) {
      throw new IllegalArgumentException(
          "Fault reason must be UPPER_SNAKE ([A-Z][A-Z0-9_]*, not ending in '_') and at most "
              + MAX_REASON_LENGTH
              + " characters, but was \""
              + abbreviate(reason)
              + "\"");
    }
    this.reason = reason;
    return this;
  }

  /** Who defines the reason, usually a DNS name such as {@code "inventory.example.com"}. */
  public FaultBuilder domain(@Nullable String domain) {
    this.domain = nonBlank(domain, "domain");
    return this;
  }

  /** A message that is safe to show to anyone; never an exception's raw text. */
  public FaultBuilder message(String message) {
    this.message = Objects.requireNonNull(message, "message");
    return this;
  }

  /** The name of the service where the fault arose. */
  public FaultBuilder service(@Nullable String service) {
    this.service = nonBlank(service, "service");
    return this;
  }

  /** The trace id of the request that caused the fault. */
  public FaultBuilder traceId(@Nullable String traceId) {
    this.traceId = nonBlank(traceId, "traceId");
    return this;
  }

  /** The span id of the operation that raised the fault. */
  public FaultBuilder spanId(@Nullable String spanId) {
    this.spanId = nonBlank(spanId, "spanId");
    return this;
  }

  /** The id of this occurrence; a fresh UUID is drawn when none is given. */
  public FaultBuilder instanceId(@Nullable String instanceId) {
    this.instanceId = nonBlank(instanceId, "instanceId");
    return this;
  }

  /** When the fault arose; now when none is given. */
  public FaultBuilder timestamp(@Nullable Instant timestamp) {
    this.timestamp = timestamp;
    return this;
  }

  /**
   * How long a caller should wait before retrying.
   *
   * @throws IllegalArgumentException when negative
   */
  public FaultBuilder retryAfter(@Nullable Duration retryAfter) {
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("Fault retryAfter must not be negative: " + retryAfter);
    }
    this.retryAfter = retryAfter;
    return this;
  }

  /**
   * Adds a metadata entry (replacing one of the same key).
   *
   * @throws IllegalArgumentException when the key is blank or longer than 64 characters
   */
  public FaultBuilder metadata(String key, String value) {
    Objects.requireNonNull(key, "metadata key");
    Objects.requireNonNull(value, "metadata value");
    if (key.isBlank() || key.length() > MAX_METADATA_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Fault metadata key must be non-blank and at most "
              + MAX_METADATA_KEY_LENGTH
              + " characters, but was \""
              + abbreviate(key)
              + "\"");
    }
    metadata.put(key, value);
    return this;
  }

  /** Adds every entry of {@code entries}, as {@link #metadata(String, String)} does one. */
  public FaultBuilder metadata(Map<String, String> entries) {
    entries.forEach(this::metadata);
    return this;
  }

  /** Removes every metadata entry. */
  public FaultBuilder clearMetadata() {
    metadata.clear();
    return this;
  }

  /** The next fault down the chain. */
  public FaultBuilder cause(@Nullable Fault cause) {
    this.cause = cause;
    return this;
  }

  /** Marks the fault as cut to fit a size budget. */
  public FaultBuilder truncated(boolean truncated) {
    this.truncated = truncated;
    return this;
  }

  /** The class name of the exception this fault stands for (DEBUG exposure only). */
  public FaultBuilder exception(@Nullable String exceptionClassName) {
    this.exception = nonBlank(exceptionClassName, "exception");
    return this;
  }

  /** The raw message of that exception: unsafe, shown at DEBUG exposure only. */
  public FaultBuilder exceptionMessage(@Nullable String exceptionMessage) {
    this.exceptionMessage = exceptionMessage;
    return this;
  }

  /** Stack frames of that exception as text, nearest first (DEBUG exposure only). */
  public FaultBuilder stackTrace(List<String> frames) {
    this.stackTrace = List.copyOf(new ArrayList<>(frames));
    return this;
  }

  /** The fault. */
  public Fault build() {
    return new Fault(this);
  }

  private static @Nullable String nonBlank(@Nullable String value, String field) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException("Fault " + field + " must not be blank");
    }
    return value;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
