package dev.faultline.internal;

import dev.faultline.Fault;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON members that problem+json and the journal's NDJSON write alike: the {@code causes}
 * array, {@code metadata}, and the DEBUG members of a fault. One writer, so the two formats cannot
 * drift.
 */
public final class FaultJson {
  private FaultJson() {}

  /**
   * The {@code causes} array of {@code top}, nearest first: each cause's service, code, reason,
   * domain, message, metadata, instance id, its trace id where it differs from {@code top}'s, and
   * with {@code debug} its exception, raw message and stack. Nothing when {@code top} has no cause.
   */
  public static void causes(JsonGenerator json, Fault top, boolean debug) {
    Fault cause = top.cause();
    if (cause == null) {
      return;
    }
    json.writeName("causes");
    json.writeStartArray();
    for (; cause != null; cause = cause.cause()) {
      json.writeStartObject();
      optional(json, "service", cause.service());
      json.writeStringProperty("code", cause.code().name());
      optional(json, "reason", cause.reason());
      optional(json, "domain", cause.domain());
      json.writeStringProperty("message", cause.message());
      metadata(json, cause.metadata());
      json.writeStringProperty("instanceId", cause.instanceId());
      if (!Objects.equals(cause.traceId(), top.traceId())) {
        optional(json, "traceId", cause.traceId());
      }
      if (debug) {
        debug(json, cause);
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** The fault's exception class, raw message and stack frames: DEBUG exposure only. */
  public static void debug(JsonGenerator json, Fault fault) {
    optional(json, "exception", fault.exception());
    optional(json, "exceptionMessage", fault.exceptionMessage());
    List<String> frames = fault.stackTrace();
    if (!frames.isEmpty()) {
      json.writeName("stackTrace");
      json.writeStartArray();
      for (String frame : frames) {
        json.writeString(frame);
      }
      json.writeEndArray();
    }
  }

  /** The {@code metadata} object; nothing when it is empty. */
  public static void metadata(JsonGenerator json, Map<String, String> metadata) {
    if (metadata.isEmpty()) {
      return;
    }
    json.writeName("metadata");
    json.writeStartObject();
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      json.writeStringProperty(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }

  /** A string member, left out when the value is absent. */
  public static void optional(JsonGenerator json, String name, @Nullable String value) {
    if (value != null) {
      json.writeStringProperty(name, value);
    }
  }

  /** Whether {@code fault} or any fault down its chain was cut to fit a limit. */
  public static boolean anyTruncated(Fault fault) {
    for (Fault f = fault; f != null; f = f.cause()) {
      if (f.truncated()) {
        return true;
      }
    }
    return false;
  }
}
