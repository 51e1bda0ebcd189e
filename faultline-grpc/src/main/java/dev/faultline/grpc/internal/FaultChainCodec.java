package dev.faultline.grpc.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.faultline.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Faultline detail message {@code faultline.v1.FaultChain} (see {@code
 * faultline-grpc/proto/faultline/v1/fault_chain.proto}), encoded by hand with protobuf's coded
 * streams: the build runs on Maven 3.8, which the protoc plugin does not support, and two messages
 * of plain fields do not justify a code generator.
 */
public final class FaultChainCodec {
  /** The type URL of the message inside a {@code google.protobuf.Any}. */
  public static final String TYPE_URL = "type.googleapis.com/faultline.v1.FaultChain";

  static final int CHAIN_HOPS = 1;
  static final int CHAIN_TRUNCATED = 2;
  static final int HOP_SERVICE = 1;
  static final int HOP_CODE = 2;
  static final int HOP_REASON = 3;
  static final int HOP_DOMAIN = 4;
  static final int HOP_MESSAGE = 5;
  static final int HOP_METADATA = 6;
  static final int HOP_INSTANCE_ID = 7;
  static final int HOP_TRACE_ID = 8;
  static final int HOP_SPAN_ID = 9;
  static final int HOP_RETRY_AFTER_MS = 10;
  static final int HOP_EXCEPTION = 11;
  static final int HOP_EXCEPTION_MESSAGE = 12;
  static final int HOP_STACK_TRACE = 13;

  private FaultChainCodec() {}

  /** The chain of {@code fault}, outermost first, as the bytes of a {@code FaultChain}. */
  public static ByteString encode(Fault fault) {
    return encode(fault, false);
  }

  /**
   * The chain of {@code fault}; without the outer fault's stack frames when {@code outerStackAside}
   * (they travel in the status's {@code DebugInfo} then, and are not sent twice).
   */
  static ByteString encode(Fault fault, boolean outerStackAside) {
    ByteString.Output out = ByteString.newOutput(256);
    CodedOutputStream coded = CodedOutputStream.newInstance(out);
    try {
      int hops = 0;
      for (Fault f = fault; f != null && hops < FaultChainReader.MAX_HOPS; f = f.cause(), hops++) {
        coded.writeBytes(CHAIN_HOPS, hop(f, !(outerStackAside && f == fault)));
      }
      if (fault.truncated()) {
        coded.writeBool(CHAIN_TRUNCATED, true);
      }
      coded.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteString.Output never fails
    }
    return out.toByteString();
  }

  /**
   * The fault chain in {@code bytes}, or null when they are not a readable {@code FaultChain} with
   * at least one hop. Bounded and never throws.
   */
  public static @Nullable Fault decode(ByteString bytes) {
    return FaultChainReader.read(bytes);
  }

  private static ByteString hop(Fault f, boolean withStack) throws IOException {
    ByteString.Output out = ByteString.newOutput(128);
    CodedOutputStream coded = CodedOutputStream.newInstance(out);
    string(coded, HOP_SERVICE, f.service());
    string(coded, HOP_CODE, f.code().name());
    string(coded, HOP_REASON, f.reason());
    string(coded, HOP_DOMAIN, f.domain());
    string(coded, HOP_MESSAGE, f.message());
    for (Map.Entry<String, String> e : f.metadata().entrySet()) {
      coded.writeTag(HOP_METADATA, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      coded.writeUInt32NoTag(
          CodedOutputStream.computeStringSize(1, e.getKey())
              + CodedOutputStream.computeStringSize(2, e.getValue()));
      coded.writeString(1, e.getKey());
      coded.writeString(2, e.getValue());
    }
    string(coded, HOP_INSTANCE_ID, f.instanceId());
    string(coded, HOP_TRACE_ID, f.traceId());
    string(coded, HOP_SPAN_ID, f.spanId());
    if (f.retryAfter() != null && !f.retryAfter().isZero()) {
      coded.writeInt64(HOP_RETRY_AFTER_MS, Math.max(1, Lenient.millis(f.retryAfter())));
    }
    string(coded, HOP_EXCEPTION, f.exception());
    string(coded, HOP_EXCEPTION_MESSAGE, f.exceptionMessage());
    List<String> frames = withStack ? f.stackTrace() : List.of();
    for (String frame : frames) {
      coded.writeString(HOP_STACK_TRACE, frame);
    }
    coded.flush();
    return out.toByteString();
  }

  private static void string(CodedOutputStream coded, int field, @Nullable String value)
      throws IOException {
    if (value != null && !value.isEmpty()) {
      coded.writeString(field, value);
    }
  }

  /** A reader over {@code bytes}, for {@link FaultChainReader}. */
  static CodedInputStream input(ByteString bytes) {
    CodedInputStream in = bytes.newCodedInput();
    in.setRecursionLimit(8);
    in.setSizeLimit(bytes.size());
    return in;
  }
}
