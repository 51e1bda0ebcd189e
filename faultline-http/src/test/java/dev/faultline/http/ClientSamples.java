package dev.faultline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.wire.ProblemJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Requests and faults the client tests share. */
final class ClientSamples {
  static final String PEER_TRACE = "0af7651916cd43dd8448eb211c80319c";

  private ClientSamples() {}

  /** What {@code call} throws, asserted to be a {@code type}. */
  static <E extends Throwable> E thrown(Class<E> type, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(type);
    return type.cast(thrown);
  }

  static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build();
  }

  static HttpRequest getWithoutTimeout(URI uri) {
    return HttpRequest.newBuilder(uri).GET().build();
  }

  /** inventory fails (INTERNAL) because its database is down (UNAVAILABLE). */
  static Fault inventoryFailure(String traceId) {
    Fault database =
        Fault.builder(Code.UNAVAILABLE)
            .reason("DB_DOWN")
            .domain("db.example.com")
            .service("inventory-db")
            .message("Database is down")
            .build();
    return Fault.builder(Code.INTERNAL)
        .reason("STOCK_LOOKUP_FAILED")
        .domain("inventory.example.com")
        .service("inventory")
        .message("Could not look up stock")
        .metadata("sku", "42")
        .traceId(traceId)
        .cause(database)
        .build();
  }

  static byte[] problem(Fault fault) {
    return ProblemJson.encode(fault, Exposure.INTERNAL);
  }
}
