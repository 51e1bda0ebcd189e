package dev.faultline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class with its own broker, started once for the class, and a byte producer that tests use
 * to send records and dead letters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrokerTest {
  static final Duration POLL = Duration.ofMillis(20);
  static final Duration WAIT = Duration.ofSeconds(60);

  Broker broker;
  KafkaProducer<byte[], byte[]> deadLetters;

  @BeforeAll
  void startBroker() throws Exception {
    broker = Broker.start();
    deadLetters = broker.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));
  }

  @AfterAll
  void stopBroker() throws Exception {
    deadLetters.close(Duration.ofSeconds(5));
    broker.close();
  }

  void send(String topic, String... values) throws Exception {
    for (String value : values) {
      deadLetters.send(new ProducerRecord<>(topic, bytes("k"), bytes(value))).get();
    }
  }

  ConsumerRecord<byte[], byte[]> single(String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = broker.readAll(topic, 1, WAIT);
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return DeadLetterHeaders.value(record.headers(), name);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
