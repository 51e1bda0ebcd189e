package dev.faultline.grpc;

import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/** One-method services for tests, from a lambda. */
final class Services {
  private Services() {}

  /** A handler of one unary call; may throw. */
  @FunctionalInterface
  interface Unary {
    void handle(String request, StreamObserver<String> response) throws Exception;
  }

  /** A service whose {@code Unary} method runs {@code handler}; what it throws escapes. */
  static ServerServiceDefinition unary(Unary handler) {
    return ServerServiceDefinition.builder(TestGrpc.SERVICE)
        .addMethod(
            TestGrpc.UNARY,
            ServerCalls.asyncUnaryCall(
                (request, response) -> {
                  try {
                    handler.handle(request, response);
                  } catch (RuntimeException e) {
                    throw e;
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }))
        .build();
  }

  /** A service that answers {@code Unary} with {@code answer} applied to the request. */
  static ServerServiceDefinition replying(java.util.function.UnaryOperator<String> answer) {
    return unary(
        (request, response) -> {
          response.onNext(answer.apply(request));
          response.onCompleted();
        });
  }
}
