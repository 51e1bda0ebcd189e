package dev.faultline;

import dev.faultline.internal.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One failure, as an immutable value that can cross threads, processes and languages intact.
 *
 * <p>A fault is identified by its {@link #code()} and, when there is one, by its {@code (domain,
 * reason)} pair; never by a Java class name. Its {@link #message()} is safe to show to anyone; the
 * raw text of an exception it was classified from is kept apart ({@link #exceptionMessage()}) and
 * leaves the process only at {@link Exposure#DEBUG}. Its {@link #cause()} is the next fault down
 * the chain, possibly raised by another service.
 *
 * <pre>{@code
 * Fault fault = Fault.builder(Code.NOT_FOUND)
 *     .reason("SKU_NOT_FOUND")
 *     .domain("inventory.example.com")
 *     .message("No such SKU: 42")
 *     .metadata("sku", "42")
 *     .build();
 * throw fault.asException();
 * }</pre>
 *
 * <p>Every fault has an {@link #instanceId()} (a fresh UUID unless one is given) and a {@link
 * #timestamp()} (now unless one is given): the id of this occurrence, to find it in logs.
 */
public final class Fault {
  private final Code code;
  private final @Nullable String reason;
  private final @Nullable String domain;
  private final String message;
  private final @Nullable String service;
  private final @Nullable String traceId;
  private final @Nullable String spanId;
  private final String instanceId;
  private final Instant timestamp;
  private final @Nullable Duration retryAfter;
  private final Map<String, String> metadata;
  private final @Nullable Fault cause;
  private final boolean truncated;
  private final @Nullable String exception;
  private final @Nullable String exceptionMessage;
  private final List<String> stackTrace;

  Fault(FaultBuilder b) {
    this.code = b.code;
    this.reason = b.reason;
    this.domain = b.domain;
    this.message = b.message != null ? b.message : b.code.defaultMessage();
    this.service = b.service;
    this.traceId = b.traceId;
    this.spanId = b.spanId;
    this.instanceId = b.instanceId != null ? b.instanceId : Ids.newInstanceId();
    this.timestamp = b.timestamp != null ? b.timestamp : Instant.now();
    this.retryAfter = b.retryAfter;
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    this.cause = b.cause;
    this.truncated = b.truncated;
    this.exception = b.exception;
    this.exceptionMessage = b.exceptionMessage;
    this.stackTrace = List.copyOf(b.stackTrace);
  }

  /** A fault with this code and a message that is safe to show, such as {@code "No such SKU"}. */
  public static Fault of(Code code, String message) {
    return builder(code).message(message).build();
  }

  /** A builder for a fault with this code; every other field is optional. */
  public static FaultBuilder builder(Code code) {
    return new FaultBuilder(code);
  }

  /** A builder that starts from every field of this fault, including its instance id. */
  public FaultBuilder toBuilder() {
    return new FaultBuilder(this);
  }

  /** An unchecked exception that carries this fault, to throw. */
  public FaultException asException() {
    return new FaultException(this);
  }

  /** The canonical code. */
  public Code code() {
    return code;
  }

  /** The stable machine identity of this failure within {@link #domain()}, in UPPER_SNAKE. */
  public @Nullable String reason() {
    return reason;
  }

  /** Who defines {@link #reason()}: usually the DNS name of the service or the library. */
  public @Nullable String domain() {
    return domain;
  }

  /** A message that is safe to show to anyone; the code's generic message when none was written. */
  public String message() {
    return message;
  }

  /** The name of the service where the fault arose. */
  public @Nullable String service() {
    return service;
  }

  /** The W3C trace id (32 lowercase hex digits) of the request that caused the fault. */
  public @Nullable String traceId() {
    return traceId;
  }

  /** The W3C span id (16 lowercase hex digits) of the operation that raised the fault. */
  public @Nullable String spanId() {
    return spanId;
  }

  /** The unique id of this occurrence, to find it in logs and journals. */
  public String instanceId() {
    return instanceId;
  }

  /** When the fault arose. */
  public Instant timestamp() {
    return timestamp;
  }

  /** How long a caller should wait before retrying, when the raiser knows. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /**
   * Machine-readable details, in insertion order; every dynamic value of the message is here too.
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The next fault down the chain, possibly raised by another service. */
  public @Nullable Fault cause() {
    return cause;
  }

  /** Whether the chain or the details of this fault were cut to fit a size budget. */
  public boolean truncated() {
    return truncated;
  }

  /** The class name of the exception this fault was classified from; shown at DEBUG only. */
  public @Nullable String exception() {
    return exception;
  }

  /** The raw message of that exception: not safe to show; leaves the process at DEBUG only. */
  public @Nullable String exceptionMessage() {
    return exceptionMessage;
  }

  /** Trimmed stack frames of that exception, as {@code StackTraceElement} text; DEBUG only. */
  public List<String> stackTrace() {
    return stackTrace;
  }

  /** A copy with another code. */
  public Fault withCode(Code code) {
    return toBuilder().code(code).build();
  }

  /** A copy with another reason (validated as in {@link FaultBuilder#reason(String)}). */
  public Fault withReason(@Nullable String reason) {
    return toBuilder().reason(reason).build();
  }

  /** A copy with another safe message. */
  public Fault withMessage(String message) {
    return toBuilder().message(message).build();
  }

  /** A copy that names the service where the fault arose. */
  public Fault withService(@Nullable String service) {
    return toBuilder().service(service).build();
  }

  /** A copy stamped with the trace and span of the request that caused it. */
  public Fault withTrace(@Nullable String traceId, @Nullable String spanId) {
    return toBuilder().traceId(traceId).spanId(spanId).build();
  }

  /** A copy with another cause. */
  public Fault withCause(@Nullable Fault cause) {
    return toBuilder().cause(cause).build();
  }

  /** A copy with one more metadata entry (replacing an entry of the same key). */
  public Fault withMetadata(String key, String value) {
    return toBuilder().metadata(key, value).build();
  }

  /** A copy with a retry delay. */
  public Fault withRetryAfter(@Nullable Duration retryAfter) {
    return toBuilder().retryAfter(retryAfter).build();
  }

  /** The number of faults in the chain, this one included. */
  public int depth() {
    int depth = 0;
    for (Fault f = this; f != null; f = f.cause) {
      depth++;
    }
    return depth;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Fault)) {
      return false;
    }
    Fault f = (Fault) o;
    return code == f.code
        && truncated == f.truncated
        && instanceId.equals(f.instanceId)
        && timestamp.equals(f.timestamp)
        && message.equals(f.message)
        && Objects.equals(reason, f.reason)
        && Objects.equals(domain, f.domain)
        && Objects.equals(service, f.service)
        && Objects.equals(traceId, f.traceId)
        && Objects.equals(spanId, f.spanId)
        && Objects.equals(retryAfter, f.retryAfter)
        && metadata.equals(f.metadata)
        && Objects.equals(exception, f.exception)
        && Objects.equals(exceptionMessage, f.exceptionMessage)
        && stackTrace.equals(f.stackTrace)
        && Objects.equals(cause, f.cause);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, reason, domain, instanceId, message);
  }

  /** One line: service, code, reason and safe message; never the exception text. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(96);
    if (service != null) {
      s.append('[').append(service).append("] ");
    }
    s.append(code);
    if (reason != null) {
      s.append(' ').append(reason);
    }
    return s.append(": ").append(message).toString();
  }
}
