package dev.faultline.journal;

import dev.faultline.Code;
import dev.faultline.Fault;

/** Faults and records to report in the journal's tests. */
final class Samples {
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN = "00f067aa0ba902b7";

  private Samples() {}

  /** orders: INTERNAL ← inventory: NOT_FOUND ← warehouse: UNAVAILABLE, with every field set. */
  static Fault chain() {
    Fault warehouse =
        Fault.builder(Code.UNAVAILABLE)
            .service("warehouse")
            .reason("BACKEND_DOWN")
            .message("Warehouse is down")
            .traceId(TRACE)
            .build();
    Fault inventory =
        Fault.builder(Code.NOT_FOUND)
            .service("inventory")
            .reason("SKU_NOT_FOUND")
            .domain("inventory.example.com")
            .message("No such SKU: 42")
            .metadata("sku", "42")
            .traceId(TRACE)
            .cause(warehouse)
            .build();
    return Fault.builder(Code.INTERNAL)
        .service("orders")
        .reason("RESERVATION_FAILED")
        .domain("orders.example.com")
        .message("Could not reserve stock")
        .metadata("order", "o-7")
        .traceId(TRACE)
        .spanId(SPAN)
        .exception("java.lang.IllegalStateException")
        .exceptionMessage("password=hunter2 in the exception text")
        .cause(inventory)
        .build();
  }

  /** A record of a bare fault with this message: no service, trace, exception or task. */
  static FaultRecord bare(String message) {
    return FaultRecord.of(FaultKind.TASK, Fault.of(Code.INTERNAL, message), null, null);
  }
}
