package dev.faultline.internal.foreign;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.FaultBuilder;
import dev.faultline.internal.Reasons;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a built-in decoder read from a response, before it becomes a fault. Every value is checked
 * (and dropped or cut when it does not fit) when {@link #toFault} fills the builder, so no remote
 * input can make the builder throw. Unset code: the status decides.
 */
final class Draft {
  final String format;
  @Nullable Code code;
  @Nullable String appCode;
  @Nullable String reason;
  @Nullable String domain;
  @Nullable String message;
  @Nullable Duration retryAfter;
  @Nullable Trace trace;
  @Nullable String requestId;
  @Nullable String service;
  @Nullable String instanceId;
  final Map<String, String> metadata = new LinkedHashMap<>();

  Draft(String format) {
    this.format = format;
  }

  Draft code(@Nullable Code code) {
    this.code = code;
    return this;
  }

  /** The remote's own code for the failure, kept raw in metadata and normalized as the reason. */
  Draft appCode(@Nullable String appCode) {
    this.appCode = appCode;
    return this;
  }

  /** A reason given as such by the remote (an AIP-193 ErrorInfo), preferred over the app code. */
  Draft reason(@Nullable String reason) {
    this.reason = reason;
    return this;
  }

  Draft domain(@Nullable String domain) {
    this.domain = domain;
    return this;
  }

  Draft message(@Nullable String message) {
    this.message = RemoteText.message(message);
    return this;
  }

  /** Adds a metadata entry unless the value is null. */
  Draft meta(String key, @Nullable Object value) {
    if (value != null) {
      metadata.put(key, value.toString());
    }
    return this;
  }

  /** The fault: code from the draft or else the status, and what the headers say besides. */
  Fault toFault(BoundedResponse r) {
    FaultBuilder b = Fault.builder(code != null ? code : r.statusCode());
    b.reason(reason());
    String cleanDomain = RemoteText.clean(domain, 253);
    if (cleanDomain != null) {
      b.domain(cleanDomain);
    }
    if (message != null) {
      b.message(message);
    }
    b.service(RemoteText.clean(service, 253)).instanceId(RemoteText.clean(instanceId, 128));
    Trace t = trace != null ? trace : HeaderSignals.trace(r);
    if (t != null) {
      b.traceId(t.traceId()).spanId(t.spanId());
    }
    Duration retry = retryAfter != null ? retryAfter : HeaderSignals.retryAfter(r);
    b.retryAfter(retry == null ? null : HeaderSignals.bounded(retry));
    addMetadata(b, r);
    return b.truncated(r.bodyTruncated()).build();
  }

  /** The remote's reason, else its app code: as given when valid already, else normalized. */
  private @Nullable String reason() {
    String fromReason = valid(reason);
    return fromReason != null ? fromReason : valid(appCode);
  }

  private static @Nullable String valid(@Nullable String raw) {
    if (raw == null || FaultBuilder.isValidReason(raw)) {
      return raw;
    }
    String normalized = Reasons.normalize(raw);
    return normalized != null && FaultBuilder.isValidReason(normalized) ? normalized : null;
  }

  private void addMetadata(FaultBuilder b, BoundedResponse r) {
    Map<String, @Nullable String> all = new LinkedHashMap<>();
    all.put("format", format);
    all.put("httpStatus", Integer.toString(r.status()));
    all.put("appCode", appCode);
    all.put("requestId", requestId != null ? requestId : HeaderSignals.requestId(r));
    metadata.forEach(all::putIfAbsent);
    int room = r.limits().maxMetadata();
    int valueMax = r.limits().maxStringLength();
    for (Map.Entry<String, @Nullable String> e : all.entrySet()) {
      String value = RemoteText.clean(e.getValue(), valueMax);
      String key = e.getKey();
      if (value != null && !key.isBlank() && key.length() <= FaultBuilder.MAX_METADATA_KEY_LENGTH) {
        if (room-- <= 0) {
          break;
        }
        b.metadata(key, value);
      }
    }
  }
}
