package dev.faultline.journal;

import dev.faultline.Fault;
import dev.faultline.internal.FaultJson;
import dev.faultline.internal.Json;
import java.io.ByteArrayOutputStream;
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
    FaultJson.metadata(json, fault.metadata());
    FaultJson.causes(json, fault, false);
    if (FaultJson.anyTruncated(fault)) {
      json.writeBooleanProperty("truncated", true);
    }
    json.writeEndObject();
  }

  private void optional(String name, @Nullable String value) {
    FaultJson.optional(json, name, value);
  }
}
