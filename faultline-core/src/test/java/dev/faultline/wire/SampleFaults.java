package dev.faultline.wire;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Faults to encode in tests: a three-service chain with every field set. */
final class SampleFaults {
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319c";

  private SampleFaults() {}

  /** shop (INTERNAL) ← inventory (DEADLINE_EXCEEDED) ← postgres-proxy (UNAVAILABLE). */
  static Fault chain() {
    Fault db =
        Fault.builder(Code.UNAVAILABLE)
            .reason("DB_DOWN")
            .domain("db.example.com")
            .message("Database is down")
            .service("postgres-proxy")
            .traceId(OTHER_TRACE)
            .metadata("host", "db-1")
            .exception("java.net.ConnectException")
            .exceptionMessage("Connection refused: db-1/10.0.0.7:5432")
            .stackTrace(frames("java.net.Socket.connect", 3))
            .build();
    Fault inventory =
        Fault.builder(Code.DEADLINE_EXCEEDED)
            .reason("INVENTORY_TIMEOUT")
            .domain("inventory.example.com")
            .message("Inventory did not answer in time")
            .service("inventory")
            .traceId(TRACE)
            .metadata("sku", "42")
            .cause(db)
            .build();
    return Fault.builder(Code.INTERNAL)
        .reason("ORDER_FAILED")
        .domain("shop.example.com")
        .message("Your order could not be placed")
        .service("shop")
        .traceId(TRACE)
        .retryAfter(Duration.ofMillis(250))
        .metadata("order", "o-17")
        .exception("java.lang.IllegalStateException")
        .exceptionMessage("password=hunter2 rejected")
        .stackTrace(frames("com.acme.Shop.order", 4))
        .cause(inventory)
        .build();
  }

  /** {@code count} frames of {@code method}, as stack trace text. */
  static List<String> frames(String method, int count) {
    List<String> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add(method + "(Source.java:" + (10 + i) + ")");
    }
    return frames;
  }

  /** A chain of {@code causes} causes under one outer fault, cause i having reason CAUSE_i. */
  static Fault deepChain(int causes, String messagePrefix) {
    Fault next = null;
    for (int i = causes; i >= 1; i--) {
      next =
          Fault.builder(Code.UNAVAILABLE)
              .reason("CAUSE_" + i)
              .service("service-" + i)
              .message(messagePrefix + i)
              .cause(next)
              .build();
    }
    return Fault.builder(Code.INTERNAL).reason("TOP").traceId(TRACE).cause(next).build();
  }
}
