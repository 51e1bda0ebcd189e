package dev.faultline.grpc.internal;

import com.google.protobuf.Any;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.internal.FaultBudget;
import dev.faultline.internal.FaultCuts;
import io.grpc.Metadata;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a fault as the {@code google.rpc.Status} of {@code grpc-status-details-bin}: {@code
 * ErrorInfo} first (reason, domain, metadata with {@code service}, {@code traceId} and {@code
 * instanceId}), {@code RetryInfo} when the fault has a retry delay, {@code DebugInfo} at DEBUG
 * only, and the {@code faultline.v1.FaultChain} of the whole chain at INTERNAL and above.
 */
public final class StatusDetails {
  /** The trailer that carries the details, as grpc-java's {@code StatusProto} writes it. */
  public static final Metadata.Key<byte[]> KEY =
      Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);

  /**
   * The budget of the whole trailer block on the wire: grpc-java clients refuse trailers larger
   * than 8 KiB by default ({@code maxInboundMetadataSize}), so the details are cut to fit it.
   */
  public static final int TRAILER_BUDGET = 8 * 1024;

  /** What HTTP/2 counts per header entry besides its name and value (RFC 7540, 6.5.2). */
  private static final int ENTRY_OVERHEAD = 32;

  /** grpc-status, grpc-message and grpc-status-details-bin: names, overheads, the status code. */
  private static final int FIXED_TRAILERS =
      "grpc-status".length() + 2 + "grpc-message".length() + KEY.name().length() + 3 * 32;

  private StatusDetails() {}

  /**
   * The details for {@code fault} as {@code exposure} allows, cut to fit the trailer budget beside
   * {@code description} (or the fault's own message, when null) and the {@code otherTrailers}
   * already there; null when not even the smallest details fit.
   */
  public static com.google.rpc.@Nullable Status fitted(
      Fault fault, Exposure exposure, @Nullable String description, int otherTrailers) {
    Fault visible = FaultCuts.visibleAt(fault, exposure);
    int budget = TRAILER_BUDGET - FIXED_TRAILERS - otherTrailers;
    if (description != null) {
      budget -= Wire.messageSize(description);
    }
    if (budget < FaultBudget.MIN_BUDGET) {
      return null;
    }
    Fault fit =
        FaultBudget.fit(visible, f -> Wire.size(of(f, exposure, description), description), budget);
    return of(fit, exposure, description);
  }

  /** The size of {@code trailers} as HTTP/2 counts it, binary values base64-encoded. */
  public static int sizeOf(Metadata trailers) {
    int size = 0;
    for (String name : trailers.keys()) {
      if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        Iterable<byte[]> values =
            trailers.getAll(Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER));
        for (byte[] value : values == null ? java.util.List.<byte[]>of() : values) {
          size += name.length() + ENTRY_OVERHEAD + Wire.base64Size(value.length);
        }
      } else {
        Iterable<String> values =
            trailers.getAll(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
        for (String value : values == null ? java.util.List.<String>of() : values) {
          size += name.length() + ENTRY_OVERHEAD + value.length();
        }
      }
    }
    return size;
  }

  /** The details of {@code fault}, already reduced to {@code exposure}, without a budget. */
  static com.google.rpc.Status of(Fault fault, Exposure exposure, @Nullable String description) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder()
            .setCode(fault.code().grpcNumber())
            .setMessage(description != null ? description : fault.message())
            .addDetails(Any.pack(errorInfo(fault)));
    Duration retry = fault.retryAfter();
    if (retry != null) {
      status.addDetails(Any.pack(retryInfo(retry)));
    }
    boolean debug =
        exposure.includesDebug() && (fault.exception() != null || !fault.stackTrace().isEmpty());
    if (debug) {
      status.addDetails(Any.pack(debugInfo(fault)));
    }
    if (exposure.includesCauses()) {
      status.addDetails(
          Any.newBuilder()
              .setTypeUrl(FaultChainCodec.TYPE_URL)
              .setValue(FaultChainCodec.encode(fault, debug)));
    }
    return status.build();
  }

  private static ErrorInfo errorInfo(Fault fault) {
    ErrorInfo.Builder info = ErrorInfo.newBuilder();
    if (fault.reason() != null) {
      info.setReason(fault.reason());
    }
    if (fault.domain() != null) {
      info.setDomain(fault.domain());
    }
    for (Map.Entry<String, String> e : fault.metadata().entrySet()) {
      info.putMetadata(e.getKey(), e.getValue());
    }
    if (fault.service() != null) {
      info.putMetadata(Keys.SERVICE, fault.service());
    }
    if (fault.traceId() != null) {
      info.putMetadata(Keys.TRACE_ID, fault.traceId());
    }
    info.putMetadata(Keys.INSTANCE_ID, fault.instanceId());
    return info.build();
  }

  private static RetryInfo retryInfo(Duration retry) {
    return RetryInfo.newBuilder()
        .setRetryDelay(
            com.google.protobuf.Duration.newBuilder()
                .setSeconds(retry.getSeconds())
                .setNanos(retry.getNano()))
        .build();
  }

  private static DebugInfo debugInfo(Fault fault) {
    DebugInfo.Builder debug = DebugInfo.newBuilder().addAllStackEntries(fault.stackTrace());
    String exception = fault.exception();
    String text = fault.exceptionMessage();
    if (exception != null) {
      debug.setDetail(text == null ? exception : exception + ": " + text);
    }
    return debug.build();
  }
}
