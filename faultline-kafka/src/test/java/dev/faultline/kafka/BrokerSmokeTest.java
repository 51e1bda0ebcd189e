package dev.faultline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class BrokerSmokeTest {
  @Test
  void startsAndServes() throws Exception {
    long t0 = System.nanoTime();
    try (Broker broker = Broker.start()) {
      System.out.println("started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      broker.createTopic("smoke", 1);
      try (var producer = broker.producer(Map.of())) {
        producer.send(new ProducerRecord<>("smoke", "hi".getBytes(StandardCharsets.UTF_8))).get();
      }
      assertThat(broker.readAll("smoke", 1, Duration.ofSeconds(20))).hasSize(1);
    }
    System.out.println("total " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }
}
