package dev.faultline.wire;

import dev.faultline.Fault;
import dev.faultline.internal.Json;
import dev.faultline.internal.StackFrames;
import dev.faultline.internal.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads one problem+json document into a fault, within {@link DecodeLimits}. It streams: whatever
 * was read before the input ended, broke or went too deep is kept, and the result is marked
 * truncated.
 */
final class ProblemReader {
  private final DecodeLimits limits;
  private final FaultDraft top = new FaultDraft();
  private final List<FaultDraft> causes = new ArrayList<>();
  private boolean started;
  private boolean truncated;

  private ProblemReader(DecodeLimits limits) {
    this.limits = limits;
  }

  /** The fault in {@code body}; never throws on bad input. */
  static Fault read(byte[] body, DecodeLimits limits) {
    ProblemReader reader = new ProblemReader(limits);
    int length = Math.min(body.length, limits.maxBytes());
    reader.truncated = length < body.length;
    try (JsonParser parser =
        Json.FACTORY.createParser(ObjectReadContext.empty(), body, 0, length)) {
      reader.document(parser);
    } catch (RuntimeException broken) {
      // Jackson's JacksonException is unchecked: bad, cut or too deep input. Keep what was read.
      reader.truncated |= reader.started;
    }
    return reader.build();
  }

  private Fault build() {
    Fault cause = null;
    for (int i = causes.size() - 1; i >= 0; i--) {
      cause = causes.get(i).build(cause, top.traceId);
    }
    top.truncated |= truncated;
    return top.build(cause, null);
  }

  private void document(JsonParser p) {
    if (p.nextToken() == JsonToken.START_OBJECT) {
      started = true;
      members(p, top, true);
    }
  }

  private void members(JsonParser p, FaultDraft draft, boolean isTop) {
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken value = p.nextToken();
      if (!member(p, draft, name, value, isTop)) {
        skip(p);
      }
    }
  }

  /** Reads the value of member {@code name}; false when it is not wanted, to be skipped. */
  private boolean member(JsonParser p, FaultDraft d, String name, JsonToken t, boolean isTop) {
    boolean object = t == JsonToken.START_OBJECT && !tooDeep(p);
    boolean array = t == JsonToken.START_ARRAY && !tooDeep(p);
    switch (name) {
      case "metadata" -> metadata(p, d, object);
      case "causes" -> causes(p, isTop && array);
      case "stackTrace" -> frames(p, d, array);
      case "status" -> d.status = isInt(p, t) ? p.getIntValue() : d.status;
      case "retryAfter" -> d.retryAfter = retryAfter(p, t);
      case "truncated" -> d.truncated = t.isBoolean() ? t == JsonToken.VALUE_TRUE : d.truncated;
      default -> {
        if (t == JsonToken.VALUE_STRING && FaultDraft.isStringMember(name)) {
          d.put(name, text(p));
        }
        return false;
      }
    }
    return true;
  }

  private void metadata(JsonParser p, FaultDraft d, boolean readable) {
    if (!readable) {
      skip(p);
      return;
    }
    for (String key = p.nextName(); key != null; key = p.nextName()) {
      JsonToken t = p.nextToken();
      boolean scalar = t == JsonToken.VALUE_STRING || t.isNumeric() || t.isBoolean();
      if (!scalar || key.isBlank() || key.length() > 64) {
        skip(p);
      } else if (d.metadata.size() < limits.maxMetadata() || d.metadata.containsKey(key)) {
        d.metadata.put(key, text(p));
      } else {
        truncated = true;
      }
    }
  }

  private void causes(JsonParser p, boolean readable) {
    if (!readable) {
      skip(p);
      return;
    }
    causes.clear();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      boolean fits = causes.size() + 1 < limits.maxDepth();
      if (t != JsonToken.START_OBJECT || tooDeep(p) || !fits) {
        truncated |= !fits;
        skip(p);
        continue;
      }
      FaultDraft cause = new FaultDraft();
      causes.add(cause);
      members(p, cause, false);
    }
  }

  private void frames(JsonParser p, FaultDraft d, boolean readable) {
    if (!readable) {
      skip(p);
      return;
    }
    d.stackTrace.clear();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_STRING) {
        skip(p);
      } else if (d.stackTrace.size() < StackFrames.MAX_FRAMES) {
        d.stackTrace.add(text(p));
      } else {
        truncated = true;
      }
    }
  }

  private @Nullable Duration retryAfter(JsonParser p, JsonToken t) {
    if (t.isNumeric()) {
      return Seconds.of(p.getDoubleValue());
    }
    return t == JsonToken.VALUE_STRING ? Seconds.parse(p.getString()) : null;
  }

  /** The current scalar as text, cut to the string limit (which marks the result truncated). */
  private String text(JsonParser p) {
    String text = p.getString();
    if (text.length() > limits.maxStringLength()) {
      truncated = true;
      return Text.cut(text, limits.maxStringLength());
    }
    return text;
  }

  /** Whether the structure just opened is nested deeper than the limit; if so, marks truncated. */
  private boolean tooDeep(JsonParser p) {
    boolean deep = p.streamReadContext().getNestingDepth() > limits.maxNesting();
    truncated |= deep;
    return deep;
  }

  /** Skips the current value with everything inside it, noting nesting beyond the limit. */
  private void skip(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == null || !t.isStructStart()) {
      return;
    }
    for (int open = 1; open > 0; ) {
      t = p.nextToken();
      if (t == null) {
        return;
      }
      if (t.isStructStart()) {
        open++;
        tooDeep(p);
      } else if (t.isStructEnd()) {
        open--;
      }
    }
  }

  private static boolean isInt(JsonParser p, JsonToken t) {
    return t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
  }
}
