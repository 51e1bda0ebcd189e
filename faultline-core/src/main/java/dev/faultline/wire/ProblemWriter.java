package dev.faultline.wire;

import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.internal.FaultJson;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
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
      FaultJson.metadata(json, fault.metadata());
      FaultJson.causes(json, fault, exposure.includesDebug());
    }
    if (exposure.includesDebug()) {
      FaultJson.debug(json, fault);
    }
    if (exposure.includesCauses() ? FaultJson.anyTruncated(fault) : fault.truncated()) {
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

  private void retryAfter(@Nullable Duration delay) {
    if (delay != null) {
      json.writeName("retryAfter");
      json.writeNumber(Seconds.format(delay));
    }
  }

  private void optional(String name, @Nullable String value) {
    FaultJson.optional(json, name, value);
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
