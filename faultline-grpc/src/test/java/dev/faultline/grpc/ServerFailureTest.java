package dev.faultline.grpc;

import static dev.faultline.grpc.TestGrpc.UNARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.RemoteFaultException;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import dev.faultline.grpc.internal.StatusDetails;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A handler's failure becomes a well-formed status with details, recorded once. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class ServerFailureTest {
  private static final Metadata.Key<String> CUSTOM =
      Metadata.Key.of("x-custom", Metadata.ASCII_STRING_MARSHALLER);

  private final MemorySink memory = MemorySink.withCapacity(100);
  private final FaultJournal journal = FaultJournal.create(memory);

  private static final Fault SKU_NOT_FOUND =
      Fault.builder(Code.NOT_FOUND)
          .reason("SKU_NOT_FOUND")
          .domain("inventory.example.com")
          .message("No such SKU: 42")
          .metadata("sku", "42")
          .build();

  @Test
  void thrownFaultAnswersItsCodeWithErrorInfoFirstAndOnlyPublicDetails() throws Exception {
    CallContext caller = CallContext.newTrace();
    StatusRuntimeException e =
        call(
            Exposure.PUBLIC,
            Services.unary(
                (r, o) -> {
                  throw SKU_NOT_FOUND.asException();
                }),
            caller);

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(e.getStatus().getDescription()).isEqualTo("No such SKU: 42");
    com.google.rpc.Status details = TestGrpc.details(e);
    assertThat(details.getCode()).isEqualTo(Code.NOT_FOUND.grpcNumber());
    assertThat(details.getDetails(0).is(ErrorInfo.class)).isTrue();
    ErrorInfo info = details.getDetails(0).unpack(ErrorInfo.class);
    assertThat(info.getReason()).isEqualTo("SKU_NOT_FOUND");
    assertThat(info.getDomain()).isEqualTo("inventory.example.com");
    assertThat(info.getMetadataMap())
        .containsEntry("traceId", caller.traceId())
        .doesNotContainKeys("sku", "service");
    assertThat(details.getDetailsList()).hasSize(1);

    RemoteFaultException remote = TestGrpc.remote(e);
    assertThat(remote.fault().code()).isEqualTo(Code.NOT_FOUND);
    assertThat(remote.fault().reason()).isEqualTo("SKU_NOT_FOUND");
    assertThat(remote.fault().traceId()).isEqualTo(caller.traceId());
  }

  @Test
  void internalExposureAddsMetadataServiceAndTheFaultChain() throws Exception {
    StatusRuntimeException e =
        call(
            Exposure.INTERNAL,
            Services.unary(
                (r, o) -> {
                  throw SKU_NOT_FOUND.asException();
                }),
            CallContext.newTrace());

    List<Any> details = TestGrpc.details(e).getDetailsList();
    assertThat(details.get(0).unpack(ErrorInfo.class).getMetadataMap())
        .containsEntry("sku", "42")
        .containsEntry("service", "inventory");
    assertThat(details)
        .extracting(Any::getTypeUrl)
        .contains("type.googleapis.com/faultline.v1.FaultChain");
    Fault fault = TestGrpc.remote(e).fault();
    assertThat(fault.service()).isEqualTo("inventory");
    assertThat(fault.metadata()).containsEntry("sku", "42");
  }

  @Test
  void unknownExceptionIsInternalNeverUnknownAndItsTextStaysHome() throws Exception {
    ServerServiceDefinition service =
        Services.unary(
            (r, o) -> {
              throw new IllegalStateException("password=hunter2");
            });
    StatusRuntimeException e = call(Exposure.INTERNAL, service, CallContext.newTrace());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(e.getStatus().getDescription()).isEqualTo(Code.INTERNAL.defaultMessage());
    assertThat(TestGrpc.details(e).toString()).doesNotContain("hunter2");
  }

  @Test
  void debugExposureAddsDebugInfoWithTheExceptionAndItsStack() throws Exception {
    ServerServiceDefinition service =
        Services.unary(
            (r, o) -> {
              throw new IllegalStateException("password=hunter2");
            });
    StatusRuntimeException e = call(Exposure.DEBUG, service, CallContext.newTrace());

    DebugInfo debug =
        TestGrpc.details(e).getDetailsList().stream()
            .filter(a -> a.is(DebugInfo.class))
            .findFirst()
            .orElseThrow()
            .unpack(DebugInfo.class);
    assertThat(debug.getDetail()).isEqualTo("java.lang.IllegalStateException: password=hunter2");
    assertThat(debug.getStackEntriesList()).isNotEmpty();
  }

  @Test
  void onErrorWithAPlainExceptionIsClassifiedNotUnknown() throws Exception {
    ServerServiceDefinition service =
        Services.unary((r, o) -> o.onError(new java.util.concurrent.TimeoutException("slow")));
    StatusRuntimeException e = call(Exposure.PUBLIC, service, CallContext.newTrace());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
  }

  @Test
  void retryDelayBecomesRetryInfo() throws Exception {
    Fault busy = Fault.builder(Code.UNAVAILABLE).retryAfter(Duration.ofMillis(2500)).build();
    StatusRuntimeException e =
        call(
            Exposure.PUBLIC,
            Services.unary(
                (r, o) -> {
                  throw busy.asException();
                }),
            CallContext.newTrace());

    com.google.rpc.Status details = TestGrpc.details(e);
    RetryInfo retry = details.getDetails(1).unpack(RetryInfo.class);
    assertThat(retry.getRetryDelay().getSeconds()).isEqualTo(2);
    assertThat(retry.getRetryDelay().getNanos()).isEqualTo(500_000_000);
    assertThat(TestGrpc.remote(e).fault().retryAfter()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void statusSetByTheHandlerKeepsCodeDescriptionAndTrailersAndGainsDetails() throws Exception {
    ServerServiceDefinition service =
        Services.unary(
            (r, o) -> {
              Metadata trailers = new Metadata();
              trailers.put(CUSTOM, "kept");
              o.onError(
                  Status.FAILED_PRECONDITION
                      .withDescription("as I said")
                      .asRuntimeException(trailers));
            });
    StatusRuntimeException e = call(Exposure.PUBLIC, service, CallContext.newTrace());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(e.getStatus().getDescription()).isEqualTo("as I said");
    assertThat(e.getTrailers().get(CUSTOM)).isEqualTo("kept");
    com.google.rpc.Status details = TestGrpc.details(e);
    assertThat(details.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION.value());
    assertThat(details.getMessage()).isEqualTo("as I said");
    assertThat(details.getDetails(0).is(ErrorInfo.class)).isTrue();
  }

  @Test
  void thrownStatusWithDetailsOfItsOwnIsKeptExactly() throws Exception {
    byte[] own =
        com.google.rpc.Status.newBuilder()
            .setCode(Status.Code.ALREADY_EXISTS.value())
            .setMessage("exists")
            .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("MINE").setDomain("me").build()))
            .build()
            .toByteArray();
    ServerServiceDefinition service =
        Services.unary(
            (r, o) -> {
              Metadata trailers = new Metadata();
              trailers.put(StatusDetails.KEY, own);
              throw Status.ALREADY_EXISTS.withDescription("exists").asRuntimeException(trailers);
            });
    StatusRuntimeException e = call(Exposure.DEBUG, service, CallContext.newTrace());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(e.getStatus().getDescription()).isEqualTo("exists");
    assertThat(e.getTrailers().get(StatusDetails.KEY)).isEqualTo(own);
    assertThat(TestGrpc.remote(e).fault().reason()).isEqualTo("MINE");
  }

  @Test
  void eachFailureIsRecordedOnceWithTheCallersTrace() throws Exception {
    CallContext caller = CallContext.newTrace();
    call(
        Exposure.PUBLIC,
        Services.unary(
            (r, o) -> {
              throw SKU_NOT_FOUND.asException();
            }),
        caller);

    List<FaultRecord> records = memory.await(1, Duration.ofSeconds(5));
    journal.flush(Duration.ofSeconds(1));
    assertThat(memory.records()).hasSize(1);
    FaultRecord record = records.get(0);
    assertThat(record.kind()).isEqualTo(FaultKind.SERVER);
    assertThat(record.traceId()).isEqualTo(caller.traceId());
    assertThat(record.fault().code()).isEqualTo(Code.NOT_FOUND);
    assertThat(record.task()).isEqualTo(UNARY.getFullMethodName());
  }

  private StatusRuntimeException call(
      Exposure exposure, ServerServiceDefinition service, CallContext caller) throws Exception {
    FaultlineServerInterceptor interceptor =
        FaultlineServerInterceptor.builder()
            .service("inventory")
            .exposure(exposure)
            .journal(journal)
            .build();
    Server server = TestGrpc.start(service, interceptor);
    ManagedChannel channel = TestGrpc.channel(server);
    try (Scope scope = caller.makeCurrent()) {
      return catchThrowableOfType(
          StatusRuntimeException.class,
          () ->
              ClientCalls.blockingUnaryCall(
                  TestGrpc.withFaultline(channel), UNARY, CallOptions.DEFAULT, "42"));
    } finally {
      TestGrpc.shutdown(channel, server);
    }
  }
}
