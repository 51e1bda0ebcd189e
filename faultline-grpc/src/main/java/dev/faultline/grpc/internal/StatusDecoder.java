package dev.faultline.grpc.internal;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.LocalizedMessage;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RequestInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.FaultBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fault of a failed call from its status and trailers: Faultline's own chain, or any
 * peer's plain {@code google.rpc.Status} ({@code ErrorInfo}, {@code RetryInfo}, {@code DebugInfo},
 * {@code BadRequest}, {@code PreconditionFailure}, {@code QuotaFailure}, {@code ResourceInfo},
 * {@code RequestInfo}, {@code LocalizedMessage}), else the status code and description alone. The
 * gRPC status code always wins over a code in the details. Bounded, and never throws.
 */
public final class StatusDecoder {
  /** Details larger than this (64 KiB) are not parsed; the fault is marked truncated. */
  public static final int DEFAULT_MAX_BYTES = 64 * 1024;

  /** The most details read from one status. */
  static final int MAX_DETAILS = 32;

  private StatusDecoder() {}

  /** The fault of a call that ended with {@code status} (not OK) and {@code trailers}. */
  public static Fault decode(Status status, @Nullable Metadata trailers, int maxBytes) {
    Code code = Code.forGrpcNumber(status.getCode().value());
    Code known = code == null ? Code.UNKNOWN : code;
    try {
      byte[] bytes = trailers == null ? null : trailers.get(StatusDetails.KEY);
      if (bytes == null) {
        return plain(known, status.getDescription()).build();
      }
      if (bytes.length > maxBytes) {
        return plain(known, status.getDescription()).truncated(true).build();
      }
      return fromDetails(known, status.getDescription(), bytes);
    } catch (RuntimeException | LinkageError e) {
      return plain(known, null).build();
    }
  }

  private static FaultBuilder plain(Code code, @Nullable String description) {
    FaultBuilder b = Fault.builder(code);
    String message = Lenient.text(description);
    return message == null ? b : b.message(message);
  }

  private static Fault fromDetails(Code code, @Nullable String description, byte[] bytes) {
    com.google.rpc.Status details;
    try {
      details = com.google.rpc.Status.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return plain(code, description).build();
    }
    FaultBuilder b = plain(code, description);
    Fault chain = null;
    List<Any> anys = details.getDetailsList();
    for (int i = 0; i < anys.size() && i < MAX_DETAILS; i++) {
      Any any = anys.get(i);
      if (FaultChainCodec.TYPE_URL.equals(any.getTypeUrl()) && chain == null) {
        chain = FaultChainCodec.decode(any.getValue());
      } else {
        detail(b, any);
      }
    }
    Fault plain = b.truncated(anys.size() > MAX_DETAILS).build();
    return chain == null ? plain : merged(chain, plain);
  }

  /** The peer's chain, with the status's code and anything the plain details add. */
  private static Fault merged(Fault chain, Fault plain) {
    FaultBuilder b = chain.toBuilder().code(plain.code());
    if (chain.retryAfter() == null) {
      b.retryAfter(plain.retryAfter());
    }
    if (chain.stackTrace().isEmpty()) {
      b.stackTrace(plain.stackTrace()); // the outer stack travels in DebugInfo only
    }
    return b.truncated(chain.truncated() || plain.truncated()).build();
  }

  private static void detail(FaultBuilder b, Any any) {
    try {
      if (any.is(ErrorInfo.class)) {
        errorInfo(b, any.unpack(ErrorInfo.class));
      } else if (any.is(RetryInfo.class)) {
        com.google.protobuf.Duration d = any.unpack(RetryInfo.class).getRetryDelay();
        if (d.getSeconds() >= 0 && d.getNanos() >= 0) {
          b.retryAfter(Duration.ofSeconds(d.getSeconds(), d.getNanos()));
        }
      } else if (any.is(DebugInfo.class)) {
        DebugInfo debug = any.unpack(DebugInfo.class);
        b.exceptionMessage(Lenient.text(debug.getDetail()));
        b.stackTrace(frames(debug.getStackEntriesList()));
      } else {
        Details.describe(b, any);
      }
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      // a detail that does not parse is skipped; the others still count
    }
  }

  private static void errorInfo(FaultBuilder b, ErrorInfo info) {
    Lenient.reason(b, info.getReason());
    b.domain(Lenient.text(info.getDomain()));
    int count = 0;
    for (Map.Entry<String, String> e : info.getMetadataMap().entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (Keys.TRACE_ID.equals(key) && Lenient.traceId(value) != null) {
        b.traceId(value);
      } else if (Keys.INSTANCE_ID.equals(key) && Lenient.text(value) != null) {
        b.instanceId(Lenient.text(value));
      } else if (Keys.SERVICE.equals(key) && Lenient.text(value) != null) {
        b.service(Lenient.text(value));
      } else {
        Lenient.metadata(b, count++, key, value);
      }
    }
  }

  private static List<String> frames(List<String> entries) {
    return entries.subList(0, Math.min(entries.size(), FaultChainReader.MAX_FRAMES)).stream()
        .map(s -> s.length() > Lenient.MAX_STRING ? s.substring(0, Lenient.MAX_STRING) : s)
        .toList();
  }

  /** The other standard details, kept as metadata entries. */
  static final class Details {
    private Details() {}

    static void describe(FaultBuilder b, Any any) throws InvalidProtocolBufferException {
      if (any.is(BadRequest.class)) {
        int i = 0;
        for (BadRequest.FieldViolation v : any.unpack(BadRequest.class).getFieldViolationsList()) {
          put(b, "fieldViolation." + i++, v.getField() + ": " + v.getDescription());
        }
      } else if (any.is(PreconditionFailure.class)) {
        int i = 0;
        for (PreconditionFailure.Violation v :
            any.unpack(PreconditionFailure.class).getViolationsList()) {
          put(b, "preconditionViolation." + i++, v.getType() + " " + v.getSubject());
        }
      } else if (any.is(QuotaFailure.class)) {
        int i = 0;
        for (QuotaFailure.Violation v : any.unpack(QuotaFailure.class).getViolationsList()) {
          put(b, "quotaViolation." + i++, v.getSubject() + ": " + v.getDescription());
        }
      } else if (any.is(ResourceInfo.class)) {
        ResourceInfo r = any.unpack(ResourceInfo.class);
        put(b, "resourceType", r.getResourceType());
        put(b, "resourceName", r.getResourceName());
      } else if (any.is(RequestInfo.class)) {
        put(b, "requestId", any.unpack(RequestInfo.class).getRequestId());
      } else if (any.is(LocalizedMessage.class)) {
        put(b, "localizedMessage", any.unpack(LocalizedMessage.class).getMessage());
      }
    }

    private static void put(FaultBuilder b, String key, String value) {
      if (!value.isBlank() && b.build().metadata().size() < Lenient.MAX_METADATA) {
        b.metadata(key, value.length() > Lenient.MAX_STRING ? value.substring(0, 4096) : value);
      }
    }
  }
}
