package dev.faultline.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.faultline.RemoteFaultException;
import dev.faultline.grpc.internal.StatusDetails;
import io.grpc.BindableService;
import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Test services without protoc: UTF-8 string messages, Netty on 127.0.0.1, port 0. */
final class TestGrpc {
  static final String SERVICE = "faultline.test.Echo";

  static final MethodDescriptor.Marshaller<String> STRING =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(String value) {
          return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
          try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  static final MethodDescriptor<String, String> UNARY = method("Unary", MethodType.UNARY);
  static final MethodDescriptor<String, String> SERVER_STREAMING =
      method("ServerStreaming", MethodType.SERVER_STREAMING);
  static final MethodDescriptor<String, String> CLIENT_STREAMING =
      method("ClientStreaming", MethodType.CLIENT_STREAMING);
  static final MethodDescriptor<String, String> BIDI = method("Bidi", MethodType.BIDI_STREAMING);

  private TestGrpc() {}

  static MethodDescriptor<String, String> method(String name, MethodType type) {
    return MethodDescriptor.<String, String>newBuilder()
        .setType(type)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(STRING)
        .setResponseMarshaller(STRING)
        .build();
  }

  /** A started server with these services, behind these interceptors (the first runs first). */
  static Server start(ServerServiceDefinition service, ServerInterceptor... interceptors)
      throws IOException {
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(service, reversed(interceptors)))
        .build()
        .start();
  }

  static Server start(BindableService service, ServerInterceptor... interceptors)
      throws IOException {
    return start(service.bindService(), interceptors);
  }

  static ManagedChannel channel(Server server) {
    return NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
        .usePlaintext()
        .maxInboundMetadataSize(4 * 1024 * 1024)
        .build();
  }

  static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  static Channel withFaultline(ManagedChannel channel, ClientInterceptor... more) {
    Channel intercepted = ClientInterceptors.intercept(channel, more);
    return ClientInterceptors.intercept(intercepted, FaultlineClientInterceptor.create());
  }

  static void shutdown(ManagedChannel channel, Server server) throws InterruptedException {
    try {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } finally {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** The details a failed call carried, parsed. */
  static com.google.rpc.Status details(StatusRuntimeException e)
      throws InvalidProtocolBufferException {
    Metadata trailers = e.getTrailers();
    byte[] bytes = trailers == null ? null : trailers.get(StatusDetails.KEY);
    if (bytes == null) {
      throw new AssertionError("no grpc-status-details-bin in " + trailers);
    }
    return com.google.rpc.Status.parseFrom(bytes);
  }

  /** The remote fault a Faultline client attached to a failed call. */
  static RemoteFaultException remote(StatusRuntimeException e) {
    if (!(e.getCause() instanceof RemoteFaultException)) {
      throw new AssertionError("no RemoteFaultException cause in " + e, e);
    }
    return (RemoteFaultException) e.getCause();
  }

  private static ServerInterceptor[] reversed(ServerInterceptor[] interceptors) {
    ServerInterceptor[] out = new ServerInterceptor[interceptors.length];
    for (int i = 0; i < interceptors.length; i++) {
      out[i] = interceptors[interceptors.length - 1 - i];
    }
    return out;
  }
}
