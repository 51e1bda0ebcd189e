package dev.faultline.grpc.internal;

import static dev.faultline.grpc.internal.FaultChainCodec.CHAIN_HOPS;
import static dev.faultline.grpc.internal.FaultChainCodec.CHAIN_TRUNCATED;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.FaultBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a {@code faultline.v1.FaultChain}: bounded (hops, strings, entries), never throws. */
final class FaultChainReader {
  /** The most hops read; the rest are skipped and the chain is marked truncated. */
  static final int MAX_HOPS = 32;

  /** The most stack frames kept per hop. */
  static final int MAX_FRAMES = 32;

  private FaultChainReader() {}

  static @Nullable Fault read(ByteString bytes) {
    try {
      return chain(FaultChainCodec.input(bytes));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Fault chain(CodedInputStream in) throws IOException {
    List<FaultBuilder> hops = new ArrayList<>();
    boolean truncated = false;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      int type = WireFormat.getTagWireType(tag);
      if (field == CHAIN_HOPS && type == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        if (hops.size() < MAX_HOPS) {
          hops.add(hop(in.readBytes()));
        } else {
          in.skipField(tag);
          truncated = true;
        }
      } else if (field == CHAIN_TRUNCATED && type == WireFormat.WIRETYPE_VARINT) {
        truncated |= in.readBool();
      } else {
        in.skipField(tag);
      }
    }
    if (hops.isEmpty()) {
      return null;
    }
    Fault cause = null;
    for (int i = hops.size() - 1; i >= 0; i--) {
      cause = hops.get(i).cause(cause).truncated(i == 0 && truncated).build();
    }
    return cause;
  }

  private static FaultBuilder hop(ByteString bytes) throws IOException {
    CodedInputStream in = FaultChainCodec.input(bytes);
    FaultBuilder b = Fault.builder(Code.UNKNOWN);
    List<String> frames = new ArrayList<>();
    int entries = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int type = WireFormat.getTagWireType(tag);
      int field = WireFormat.getTagFieldNumber(tag);
      if (type == WireFormat.WIRETYPE_VARINT && field == FaultChainCodec.HOP_RETRY_AFTER_MS) {
        long ms = in.readInt64();
        b.retryAfter(ms > 0 ? Duration.ofMillis(ms) : null);
      } else if (type != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        in.skipField(tag);
      } else if (field == FaultChainCodec.HOP_METADATA) {
        entry(b, entries++, in.readBytes());
      } else if (field == FaultChainCodec.HOP_STACK_TRACE) {
        String frame = Lenient.text(in.readStringRequireUtf8());
        if (frame != null && frames.size() < MAX_FRAMES) {
          frames.add(frame);
        }
      } else {
        string(b, field, in.readStringRequireUtf8());
      }
    }
    return b.stackTrace(frames);
  }

  private static void string(FaultBuilder b, int field, String raw) {
    String value = Lenient.text(raw);
    switch (field) {
      case FaultChainCodec.HOP_SERVICE -> b.service(value);
      case FaultChainCodec.HOP_CODE -> b.code(Lenient.code(value, Code.UNKNOWN));
      case FaultChainCodec.HOP_REASON -> Lenient.reason(b, value);
      case FaultChainCodec.HOP_DOMAIN -> b.domain(value);
      case FaultChainCodec.HOP_MESSAGE -> {
        if (value != null) {
          b.message(value);
        }
      }
      case FaultChainCodec.HOP_INSTANCE_ID -> b.instanceId(value);
      case FaultChainCodec.HOP_TRACE_ID -> b.traceId(Lenient.traceId(value));
      case FaultChainCodec.HOP_SPAN_ID -> b.spanId(value);
      case FaultChainCodec.HOP_EXCEPTION -> b.exception(value);
      case FaultChainCodec.HOP_EXCEPTION_MESSAGE -> b.exceptionMessage(value);
      default -> {
        // an unknown string field of a newer writer
      }
    }
  }

  private static void entry(FaultBuilder b, int count, ByteString bytes) throws IOException {
    CodedInputStream in = FaultChainCodec.input(bytes);
    String key = "";
    String value = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED || field > 2) {
        in.skipField(tag);
      } else if (field == 1) {
        key = in.readStringRequireUtf8();
      } else {
        value = in.readStringRequireUtf8();
      }
    }
    Lenient.metadata(b, count, key, value);
  }
}
