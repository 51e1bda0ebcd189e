package dev.faultline.journal;

import dev.faultline.Fault;
import dev.faultline.internal.Json;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Writes a record as one line of the journal's NDJSON format (docs/wire-format.md): compact, UTF-8,
 * {@code \n}-terminated. Control characters in text are escaped by the generator, so a line never
 * breaks inside a record.
 */
final class RecordJson {
  private final JsonGenerator json;

  private RecordJson(JsonGenerator json) {
    this.json = json;
  }

  /** {@code record} as one NDJSON line, newline included. */
  static byte[] line(FaultRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      new RecordJson(json).record(record);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private void record(FaultRecord record) {
    Fault fault = record.fault();
    json.writeStartObject();
    json.writeStringProperty("time", record.time().toString());
    json.writeStringProperty("kind", record.kind().wireName());
    optional("service", record.service());
    optional("traceId", record.traceId());
    optional("spanId", record.spanId());
    json.writeStringProperty("code", fault.code().name());
    optional("reason", fault.reason());
    optional("domain", fault.domain());
    json.writeStringProperty("message", fault.message());
    json.writeStringProperty("instanceId", fault.instanceId());
    optional("exception", record.exception());
    json.writeStringProperty("thread", record.thread());
    optional("task", record.task());
    metadata(fault.metadata());
    causes(fault);
    if (fault.truncated()) {
      json.writeBooleanProperty("truncated", true);
    }
    json.writeEndObject();
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
      optional("service", cause.service());
      json.writeStringProperty("code", cause.code().name());
      optional("reason", cause.reason());
      optional("domain", cause.domain());
      json.writeStringProperty("message", cause.message());
      metadata(cause.metadata());
      json.writeStringProperty("instanceId", cause.instanceId());
      if (!Objects.equals(cause.traceId(), top.traceId())) {
        optional("traceId", cause.traceId());
      }
      if (cause.truncated()) {
        json.writeBooleanProperty("truncated", true);
      }
      json.writeEndObject();
    }
    json.writeEndArray();
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

  private void optional(String name, @Nullable String value) {
    if (value != null) {
      json.writeStringProperty(name, value);
    }
  }
}
