package dev.faultline.grpc.internal;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.FaultClassifier;
import dev.faultline.FaultException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.jspecify.annotations.Nullable;

/**
 * Classifies gRPC's {@link StatusRuntimeException} and {@link StatusException} by their status
 * code, so that {@code Faults.classify} and {@code Faults.hasCode} see {@code NOT_FOUND} where gRPC
 * said it. When the status carries a Faultline fault as its cause (as {@code
 * FaultlineClientInterceptor} attaches a {@code RemoteFaultException}), this classifier steps aside
 * and classification takes that fault, with the whole remote chain.
 *
 * <p>Registered in {@code META-INF/services/dev.faultline.FaultClassifier}.
 */
public final class StatusClassifier implements FaultClassifier {
  /** For the service loader. */
  public StatusClassifier() {}

  @Override
  public @Nullable Fault classify(Throwable throwable) {
    Status status;
    if (throwable instanceof StatusRuntimeException) {
      status = ((StatusRuntimeException) throwable).getStatus();
    } else if (throwable instanceof StatusException) {
      status = ((StatusException) throwable).getStatus();
    } else {
      return null;
    }
    if (status.getCause() instanceof FaultException) {
      return null;
    }
    Code code = Code.forGrpcNumber(status.getCode().value());
    return Fault.builder(code == null ? Code.UNKNOWN : code).build();
  }
}
