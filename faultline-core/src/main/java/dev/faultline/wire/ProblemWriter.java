package dev.faultline.wire;

import dev.faultline.Exposure;
import dev.faultline.Fault;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Streams a fault as problem+json, writing only what an exposure level allows. */
final class ProblemWriter {
  private final JsonGenerator json;
  private final Exposure exposure;

  private ProblemWriter(JsonGenerator json, Exposure exposure) {
    this.json = json;
    this.exposure = exposure;
  }

  /** {@code fault} as problem+json bytes made by {@code factory}. */
  static byte[] write(Fault fault, Exposure exposure, JsonFactory factory) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    write(fault, exposure, factory, out);
    return out.toByteArray();
  }

  /** The number of bytes {@link #write(Fault, Exposure, JsonFactory)} would give, uncopied. */
  static int size(Fault fault, Exposure exposure, JsonFactory factory) {
    Counter counter = new Counter();
    write(fault, exposure, factory, counter);
    return counter.count;
  }

  private static void write(Fault fault, Exposure exposure, JsonFactory factory, OutputStream out) {
    try (JsonGenerator json = factory.createGenerator(ObjectWriteContext.empty(), out)) {
      new ProblemWriter(json, exposure).problem(fault);
    }
  }

  private void problem(Fault fault) {
    int status = fault.code().httpStatus();
    json.writeStartObject();
    json.writeStringProperty("type", "about:blank");
    json.writeStringProperty("title", StatusPhrases.of(status));
    json.writeNumberProperty("status", status);
    json.writeStringProperty("detail", fault.message());
    if (isUuid(fault.instanceId())) {
      json.writeStringProperty(
          "instance", "urn:uuid:" + fault.instanceId().toLowerCase(Locale.ROOT));
    }
    identity(fault);
    optional("traceId", fault.traceId());
    json.writeStringProperty("instanceId", fault.instanceId());
    retryAfter(fault.retryAfter());
    if (exposure.includesCauses()) {
      metadata(fault.metadata());
      causes(fault);
    }
    debug(fault);
    if (fault.truncated() || exposure.includesCauses() && causeTruncated(fault)) {
      json.writeBooleanProperty("truncated", true);
    }
    json.writeEndObject();
  }

  private void identity(Fault fault) {
    json.writeStringProperty("code", fault.code().name());
    optional("reason", fault.reason());
    optional("domain", fault.domain());
    if (exposure.includesCauses()) {
      optional("service", fault.service());
    }
  }

  private void causes(Fault top) {
    Fault cause = top.cause();
    if (cause == null) {
      return;
    }
    json.writeName("causes");
    json.writeStartArray();
    for (; cause != null; cause = cause.cause()) {
      json.writeStartObject();
      identity(cause);
      json.writeStringProperty("message", cause.message());
      metadata(cause.metadata());
      json.writeStringProperty("instanceId", cause.instanceId());
      if (!Objects.equals(cause.traceId(), top.traceId())) {
        optional("traceId", cause.traceId());
      }
      debug(cause);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void debug(Fault fault) {
    if (!exposure.includesDebug()) {
      return;
    }
    optional("exception", fault.exception());
    optional("exceptionMessage", fault.exceptionMessage());
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

  private void metadata(Map<String, String> metadata) {
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

  private void retryAfter(@Nullable Duration delay) {
    if (delay != null) {
      json.writeName("retryAfter");
      json.writeNumber(Seconds.format(delay));
    }
  }

  private void optional(String name, @Nullable String value) {
    if (value != null) {
      json.writeStringProperty(name, value);
    }
  }

  private static boolean causeTruncated(Fault fault) {
    for (Fault f = fault.cause(); f != null; f = f.cause()) {
      if (f.truncated()) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code id} is a UUID in its canonical 8-4-4-4-12 hex form. */
  static boolean isUuid(String id) {
    if (id.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = id.charAt(i);
      boolean ok =
          i == 8 || i == 13 || i == 18 || i == 23
              ? c == '-'
              : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Counts bytes instead of keeping them, to measure an encoding without copying it. */
  private static final class Counter extends OutputStream {
    int count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
