package dev.faultline.wire;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.FaultBuilder;
import dev.faultline.internal.Reasons;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The members of one fault as read from the wire, unchecked. {@link #build} turns them into a fault
 * and drops any value the builder rejects, so that bad input never makes a decoder throw.
 */
final class FaultDraft {
  private static final String URN_UUID = "urn:uuid:";

  @Nullable String code;
  int status;
  @Nullable String title;
  @Nullable String detail;
  @Nullable String message;
  @Nullable String reason;
  @Nullable String domain;
  @Nullable String service;
  @Nullable String traceId;
  @Nullable String instanceId;
  @Nullable String instance;
  @Nullable Duration retryAfter;
  @Nullable String exception;
  @Nullable String exceptionMessage;
  final Map<String, String> metadata = new LinkedHashMap<>();
  final List<String> stackTrace = new ArrayList<>();
  boolean truncated;

  /** Whether {@code name} is a string member of a fault, which {@link #put} takes. */
  static boolean isStringMember(String name) {
    return switch (name) {
      case "code", "title", "detail", "message", "reason", "domain", "service" -> true;
      case "traceId", "instanceId", "instance", "exception", "exceptionMessage" -> true;
      default -> false;
    };
  }

  /** Sets the string member {@code name}; a later duplicate replaces an earlier one. */
  void put(String name, String value) {
    switch (name) {
      case "code" -> code = value;
      case "title" -> title = value;
      case "detail" -> detail = value;
      case "message" -> message = value;
      case "reason" -> reason = value;
      case "domain" -> domain = value;
      case "service" -> service = value;
      case "traceId" -> traceId = value;
      case "instanceId" -> instanceId = value;
      case "instance" -> instance = value;
      case "exception" -> exception = value;
      case "exceptionMessage" -> exceptionMessage = value;
      default -> {}
    }
  }

  /** The fault, with {@code cause} below it and {@code inheritedTraceId} when it has none. */
  Fault build(@Nullable Fault cause, @Nullable String inheritedTraceId) {
    FaultBuilder b = Fault.builder(code());
    String text = detail != null ? detail : message != null ? message : title;
    if (text != null) {
      b.message(text);
    }
    set(b::domain, domain);
    set(b::service, service);
    set(b::traceId, traceId != null ? traceId : inheritedTraceId);
    set(b::instanceId, instanceId != null ? instanceId : fromUrn(instance));
    set(b::exception, exception);
    b.exceptionMessage(exceptionMessage).retryAfter(retryAfter).stackTrace(stackTrace);
    metadata.forEach((key, value) -> set(v -> b.metadata(key, v), value));
    reason(b);
    return b.cause(cause).truncated(truncated).build();
  }

  private Code code() {
    Code parsed = Code.parse(code);
    if (parsed != null) {
      return parsed;
    }
    return status != 0 ? Code.fromHttpStatus(status) : Code.UNKNOWN;
  }

  private void reason(FaultBuilder b) {
    String raw = reason;
    if (raw == null) {
      return;
    }
    if (FaultBuilder.isValidReason(raw)) {
      b.reason(raw);
      return;
    }
    set(b::reason, Reasons.normalize(raw));
    if (!raw.isBlank()) {
      b.metadata("reason", raw);
    }
  }

  private static @Nullable String fromUrn(@Nullable String instance) {
    if (instance == null || instance.length() <= URN_UUID.length()) {
      return null;
    }
    String scheme = instance.substring(0, URN_UUID.length());
    return scheme.toLowerCase(Locale.ROOT).equals(URN_UUID)
        ? instance.substring(URN_UUID.length())
        : null;
  }

  /** Applies {@code value} when there is one, dropping it if the builder rejects it. */
  private static void set(Consumer<String> setter, @Nullable String value) {
    if (value == null) {
      return;
    }
    try {
      setter.accept(value);
    } catch (IllegalArgumentException rejected) {
      // A value the contract does not allow is dropped: decoding never fails on bad input.
    }
  }
}
