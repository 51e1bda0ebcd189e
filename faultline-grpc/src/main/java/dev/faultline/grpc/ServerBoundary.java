package dev.faultline.grpc;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.FaultBuilder;
import dev.faultline.HopPolicy;
import dev.faultline.context.CallContext;
import dev.faultline.context.Deadline;
import dev.faultline.context.Propagation;
import dev.faultline.context.Scope;
import dev.faultline.internal.FaultStamp;
import dev.faultline.internal.StackFrames;
import dev.faultline.internal.Warnings;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** The settings of a server interceptor, and what it does when a call starts. */
final class ServerBoundary {
  private final @Nullable String service;
  private final Exposure exposure;
  private final @Nullable BiFunction<ServerCall<?, ?>, Metadata, Exposure> exposureFor;
  final HopPolicy hopPolicy;
  private final FaultJournal journal;

  ServerBoundary(
      @Nullable String service,
      Exposure exposure,
      @Nullable BiFunction<ServerCall<?, ?>, Metadata, Exposure> exposureFor,
      HopPolicy hopPolicy,
      FaultJournal journal) {
    this.service = service;
    this.exposure = exposure;
    this.exposureFor = exposureFor;
    this.hopPolicy = hopPolicy;
    this.journal = journal;
  }

  <Q, R> ServerCall.Listener<Q> intercept(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Context grpcContext = Context.current();
    BoundaryCall<Q, R> boundaryCall =
        new BoundaryCall<>(call, this, enter(headers, grpcContext), headers, grpcContext);
    ServerCall.Listener<Q> listener;
    Scope scope = boundaryCall.context.makeCurrent();
    try {
      listener = next.startCall(boundaryCall, headers);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable thrown) {
      boundaryCall.fail(thrown);
      return new ServerCall.Listener<>() {};
    } finally {
      scope.close();
    }
    return new BoundaryListener<>(listener, boundaryCall);
  }

  /** The caller's context: its trace, and the earlier of the gRPC deadline and the budget. */
  private CallContext enter(Metadata headers, Context grpcContext) {
    CallContext context;
    try {
      context = Propagation.extract(headers, MetadataHeaders.GETTER);
    } catch (RuntimeException e) {
      Warnings.once("grpc.server.extract", "Faultline could not read a call's context", e);
      context = CallContext.newTrace();
    }
    io.grpc.Deadline grpcDeadline = grpcContext.getDeadline();
    if (grpcDeadline != null) {
      Deadline deadline =
          Deadline.after(Duration.ofNanos(grpcDeadline.timeRemaining(TimeUnit.NANOSECONDS)));
      context = context.withDeadline(deadline.earliest(context.deadline()));
    }
    return context.withService(service);
  }

  Exposure exposureOf(ServerCall<?, ?> call, Metadata headers) {
    if (exposureFor == null) {
      return exposure;
    }
    try {
      Exposure chosen = exposureFor.apply(call, headers);
      return chosen == null ? Exposure.PUBLIC : chosen;
    } catch (RuntimeException e) {
      Warnings.once(
          "grpc.server.exposureFor", "Faultline's exposureFor hook threw; using PUBLIC", e);
      return Exposure.PUBLIC;
    }
  }

  /** The fault of a status the handler set itself: its code and description, stamped. */
  static Fault keptFault(Status status, CallContext context) {
    Code code = Code.forGrpcNumber(status.getCode().value());
    FaultBuilder b = Fault.builder(code == null ? Code.UNKNOWN : code);
    String description = status.getDescription();
    if (description != null && !description.isBlank()) {
      b.message(description);
    }
    Throwable cause = status.getCause();
    if (cause != null) {
      b.exception(cause.getClass().getName())
          .exceptionMessage(cause.getMessage())
          .stackTrace(StackFrames.capture(cause));
    }
    return FaultStamp.stamp(b.build(), context);
  }

  void record(Fault fault, @Nullable Throwable failure, String method) {
    journal.report(FaultKind.SERVER, fault, failure, method);
  }
}
