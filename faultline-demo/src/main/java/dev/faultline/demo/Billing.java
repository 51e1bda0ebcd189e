package dev.faultline.demo;

import dev.faultline.kafka.RecordProcessor;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The billing service: charges each order event from Kafka, in a plain poll loop.
 *
 * <p>Faultline here is the {@link RecordProcessor} in the loop: each record is handled under the
 * trace of the request that published it; a transient failure is retried with back-off; an event
 * that cannot be read (or keeps failing) goes to {@code orders.dlt} with its fault in the headers
 * and is reported to the fault journal as a dead letter, before its offset is committed. Nothing is
 * skipped, nothing loops forever.
 */
public final class Billing {
  private Billing() {}

  /**
   * Runs the billing consumer until the process is stopped.
   *
   * @param args Kafka's bootstrap servers
   */
  public static void main(String[] args) {
    Lifeline.exitWithParent();
    String bootstrap = args[0];
    KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap);
    KafkaProducer<byte[], byte[]> deadLetters =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(consumer, running, stopped), "billing-stop"));

    try (RecordProcessor<String, OrderEvent> processor =
        RecordProcessor.builder(
                consumer, deadLetters, new StringDeserializer(), new OrderEvent.Reader())
            .handler(record -> charge(record.value()))
            .maxAttempts(3)
            .backoff(Duration.ofMillis(100), Duration.ofSeconds(2))
            .recordTimeout(Duration.ofSeconds(5))
            .service("billing")
            .build()) {
      consumer.subscribe(List.of(OrderEvent.TOPIC), new ReadyOnAssignment());
      while (running.get()) {
        processor.process(consumer.poll(Duration.ofMillis(100)));
      }
    } catch (WakeupException stopping) {
      // the shutdown hook woke the poll up
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
      deadLetters.close(Duration.ofSeconds(2));
      stopped.countDown();
    }
  }

  private static void charge(OrderEvent event) {
    System.out.println("billing: charged " + event.amountCents() + " cents for " + event.orderId());
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "billing");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"); // the processor commits
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static void stop(
      KafkaConsumer<?, ?> consumer, AtomicBoolean running, CountDownLatch stopped) {
    running.set(false);
    consumer.wakeup();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Says "ready" once the consumer owns its partition, so the driver starts sending orders. */
  private static final class ReadyOnAssignment implements ConsumerRebalanceListener {
    private final AtomicBoolean announced = new AtomicBoolean();

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty() && announced.compareAndSet(false, true)) {
        Lifeline.ready("billing", "consuming " + partitions);
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
  }
}
