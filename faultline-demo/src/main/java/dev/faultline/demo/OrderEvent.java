package dev.faultline.demo;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The event orders publishes and billing consumes, on the wire as a form-encoded line: {@code
 * orderId=o-1&item=apple&amountCents=120}. {@link #parse} rejects a line without these three fields
 * or with an amount that is not a number: billing cannot charge such an order.
 */
record OrderEvent(String orderId, String item, long amountCents) {
  static final String TOPIC = "orders";

  /** The event as its wire line; the amount is text so that orders can publish a malformed one. */
  static String line(String orderId, String item, String amountCents) {
    return "orderId=" + enc(orderId) + "&item=" + enc(item) + "&amountCents=" + enc(amountCents);
  }

  /** The event in {@code line}; throws {@link IllegalArgumentException} when it is malformed. */
  static OrderEvent parse(String line) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : line.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), UTF8));
      }
    }
    String orderId = fields.get("orderId");
    String item = fields.get("item");
    String amount = fields.get("amountCents");
    if (orderId == null || item == null || amount == null) {
      throw new IllegalArgumentException("order event without orderId, item or amountCents");
    }
    try {
      return new OrderEvent(orderId, item, Long.parseLong(amount));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("order event with a non-numeric amount: " + amount, e);
    }
  }

  /** A Kafka deserializer of events; a malformed record fails here, before any handler runs. */
  static final class Reader implements Deserializer<OrderEvent> {
    @Override
    public OrderEvent deserialize(String topic, byte[] data) {
      return parse(new String(data, StandardCharsets.UTF_8));
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static String enc(String value) {
    return URLEncoder.encode(value, UTF8);
  }
}
