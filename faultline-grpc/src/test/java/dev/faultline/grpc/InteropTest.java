package dev.faultline.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingServerCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The grpc-java interop cases that matter to an interceptor, written against a small streaming
 * service, with both Faultline interceptors installed: standard behaviour is unchanged.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InteropTest {
  private static final Metadata.Key<String> ECHO_INITIAL =
      Metadata.Key.of("x-grpc-test-echo-initial", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<byte[]> ECHO_TRAILING =
      Metadata.Key.of("x-grpc-test-echo-trailing-bin", Metadata.BINARY_BYTE_MARSHALLER);

  private Server server;
  private ManagedChannel managed;
  private Channel channel;

  @BeforeEach
  void start() throws Exception {
    server = TestGrpc.start(service(), new EchoMetadata(), FaultlineServerInterceptor.create());
    managed = TestGrpc.channel(server);
    channel = TestGrpc.withFaultline(managed);
  }

  @AfterEach
  void stop() throws Exception {
    TestGrpc.shutdown(managed, server);
  }

  @Test
  void emptyUnary() {
    assertThat(unary("")).isEmpty();
  }

  @Test
  void largeUnary() {
    assertThat(unary("size:314159:" + "x".repeat(271828))).hasSize(314159);
  }

  @Test
  void clientStreaming() throws Exception {
    Recorder<String> response = new Recorder<>();
    StreamObserver<String> request =
        ClientCalls.asyncClientStreamingCall(
            channel.newCall(TestGrpc.CLIENT_STREAMING, CallOptions.DEFAULT), response);
    for (int size : new int[] {27182, 8, 1828, 45904}) {
      request.onNext("x".repeat(size));
    }
    request.onCompleted();
    assertThat(response.awaitCompletion(5, TimeUnit.SECONDS)).isTrue();
    assertThat(response.values).containsExactly("74922");
  }

  @Test
  void serverStreaming() {
    Iterator<String> responses =
        ClientCalls.blockingServerStreamingCall(
            channel, TestGrpc.SERVER_STREAMING, CallOptions.DEFAULT, "31415,9,2653,58979");
    List<Integer> sizes = new ArrayList<>();
    responses.forEachRemaining(r -> sizes.add(r.length()));
    assertThat(sizes).containsExactly(31415, 9, 2653, 58979);
  }

  @Test
  void pingPong() throws Exception {
    Recorder<String> responses = new Recorder<>();
    StreamObserver<String> requests =
        ClientCalls.asyncBidiStreamingCall(
            channel.newCall(TestGrpc.BIDI, CallOptions.DEFAULT), responses);
    for (String ping : List.of("31415", "9", "2653", "58979")) {
      requests.onNext(ping);
    }
    requests.onCompleted();
    assertThat(responses.awaitCompletion(5, TimeUnit.SECONDS)).isTrue();
    assertThat(responses.values).extracting(String::length).containsExactly(31415, 9, 2653, 58979);
  }

  @Test
  void statusCodeAndMessage() {
    StatusRuntimeException e = failing("status:2:test status message");
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
    assertThat(e.getStatus().getDescription()).isEqualTo("test status message");
  }

  @Test
  void specialStatusMessage() {
    String message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";
    StatusRuntimeException e = failing("status:2:" + message);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
    assertThat(e.getStatus().getDescription()).isEqualTo(message);
  }

  @Test
  void customMetadataIsEchoedInHeadersAndTrailers() {
    Metadata sent = new Metadata();
    sent.put(ECHO_INITIAL, "test_initial_metadata_value");
    sent.put(ECHO_TRAILING, new byte[] {(byte) 0xab, (byte) 0xab, (byte) 0xab});
    AtomicReference<Metadata> headers = new AtomicReference<>();
    AtomicReference<Metadata> trailers = new AtomicReference<>();
    Channel withMetadata =
        ClientInterceptors.intercept(
            channel,
            MetadataUtils.newAttachHeadersInterceptor(sent),
            MetadataUtils.newCaptureMetadataInterceptor(headers, trailers));

    String reply =
        ClientCalls.blockingUnaryCall(withMetadata, TestGrpc.UNARY, CallOptions.DEFAULT, "ok");

    assertThat(reply).isEqualTo("ok");
    assertThat(headers.get().get(ECHO_INITIAL)).isEqualTo("test_initial_metadata_value");
    assertThat(trailers.get().get(ECHO_TRAILING)).containsExactly(0xab, 0xab, 0xab);
  }

  @Test
  void timeoutOnSleepingServer() {
    StatusRuntimeException e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                ClientCalls.blockingUnaryCall(
                    channel,
                    TestGrpc.UNARY,
                    CallOptions.DEFAULT.withDeadlineAfter(100, TimeUnit.MILLISECONDS),
                    "sleep"));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
  }

  @Test
  void cancelAfterBegin() throws Exception {
    Recorder<String> response = new Recorder<>();
    var call = channel.newCall(TestGrpc.CLIENT_STREAMING, CallOptions.DEFAULT);
    ClientCalls.asyncClientStreamingCall(call, response);
    call.cancel("interop cancel", null);
    assertThat(response.awaitCompletion(5, TimeUnit.SECONDS)).isTrue();
    assertThat(Status.fromThrowable(response.error).getCode()).isEqualTo(Status.Code.CANCELLED);
  }

  @Test
  void unimplementedMethod() {
    var method = TestGrpc.method("Nope", MethodType.UNARY);
    StatusRuntimeException e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT, "x"));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
  }

  private String unary(String request) {
    return ClientCalls.blockingUnaryCall(channel, TestGrpc.UNARY, CallOptions.DEFAULT, request);
  }

  private StatusRuntimeException failing(String request) {
    return catchThrowableOfType(StatusRuntimeException.class, () -> unary(request));
  }

  private static ServerServiceDefinition service() {
    return ServerServiceDefinition.builder(TestGrpc.SERVICE)
        .addMethod(TestGrpc.UNARY, ServerCalls.asyncUnaryCall(InteropTest::unary))
        .addMethod(
            TestGrpc.SERVER_STREAMING,
            ServerCalls.asyncServerStreamingCall(
                (request, response) -> {
                  for (String size : request.split(",")) {
                    response.onNext("x".repeat(Integer.parseInt(size)));
                  }
                  response.onCompleted();
                }))
        .addMethod(
            TestGrpc.CLIENT_STREAMING,
            ServerCalls.asyncClientStreamingCall(
                (StreamObserver<String> response) ->
                    new StreamObserver<String>() {
                      private int total;

                      @Override
                      public void onNext(String value) {
                        total += value.length();
                      }

                      @Override
                      public void onError(Throwable t) {}

                      @Override
                      public void onCompleted() {
                        response.onNext(Integer.toString(total));
                        response.onCompleted();
                      }
                    }))
        .addMethod(
            TestGrpc.BIDI,
            ServerCalls.asyncBidiStreamingCall(
                (StreamObserver<String> response) ->
                    new StreamObserver<String>() {
                      @Override
                      public void onNext(String size) {
                        response.onNext("x".repeat(Integer.parseInt(size)));
                      }

                      @Override
                      public void onError(Throwable t) {}

                      @Override
                      public void onCompleted() {
                        response.onCompleted();
                      }
                    }))
        .build();
  }

  private static void unary(String request, StreamObserver<String> response) {
    if (request.startsWith("status:")) {
      String[] parts = request.split(":", 3);
      response.onError(
          Status.fromCodeValue(Integer.parseInt(parts[1]))
              .withDescription(parts[2])
              .asRuntimeException());
    } else if (request.startsWith("size:")) {
      response.onNext("y".repeat(Integer.parseInt(request.split(":", 3)[1])));
      response.onCompleted();
    } else if (!request.equals("sleep")) {
      response.onNext(request);
      response.onCompleted();
    }
  }

  /** Echoes the interop test headers, as grpc-java's interop server does. */
  private static final class EchoMetadata implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      return next.startCall(
          new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void sendHeaders(Metadata responseHeaders) {
              String initial = headers.get(ECHO_INITIAL);
              if (initial != null) {
                responseHeaders.put(ECHO_INITIAL, initial);
              }
              super.sendHeaders(responseHeaders);
            }

            @Override
            public void close(Status status, Metadata trailers) {
              byte[] trailing = headers.get(ECHO_TRAILING);
              if (trailing != null) {
                trailers.put(ECHO_TRAILING, trailing);
              }
              super.close(status, trailers);
            }
          },
          headers);
    }
  }

  /** Records what a call gives an observer. */
  private static final class Recorder<T> implements StreamObserver<T> {
    final List<T> values = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile Throwable error;
    private final java.util.concurrent.CountDownLatch done =
        new java.util.concurrent.CountDownLatch(1);

    @Override
    public void onNext(T value) {
      values.add(value);
    }

    @Override
    public void onError(Throwable t) {
      error = t;
      done.countDown();
    }

    @Override
    public void onCompleted() {
      done.countDown();
    }

    boolean awaitCompletion(long timeout, TimeUnit unit) throws InterruptedException {
      return done.await(timeout, unit);
    }
  }
}
