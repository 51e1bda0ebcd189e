package dev.faultline.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A one-node KRaft broker (combined broker and controller) inside the test JVM, on loopback, with
 * its data under {@code target/}. Topics are never created automatically.
 */
final class Broker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;
  private final Path dir;
  private final Admin admin;

  private Broker(KafkaClusterTestKit cluster, Path dir) {
    this.cluster = cluster;
    this.dir = dir;
    this.admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
  }

  /** Starts a broker and waits until it is ready. */
  static Broker start() throws Exception {
    Path target = Path.of("target");
    Files.createDirectories(target);
    Path dir = Files.createTempDirectory(target, "kafka-");
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(dir)
                    .build())
            .setConfigProp("auto.create.topics.enable", "false")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("num.network.threads", "2")
            .setConfigProp("num.io.threads", "2")
            .setDeleteOnClose(true)
            .build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return new Broker(cluster, dir);
  }

  String bootstrap() {
    return cluster.bootstrapServers();
  }

  Admin admin() {
    return admin;
  }

  void createTopic(String name, int partitions) throws Exception {
    admin
        .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
        .all()
        .get(30, TimeUnit.SECONDS);
  }

  /** A producer of bytes, with these settings over quick test defaults. */
  KafkaProducer<byte[], byte[]> producer(Map<String, Object> overrides) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putAll(overrides);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** A consumer of bytes in {@code group}, reading from the start, without auto-commit. */
  KafkaConsumer<byte[], byte[]> consumer(String group, Map<String, Object> overrides) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.putAll(overrides);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Every record of {@code topic}, read from the start until {@code count} are there or time runs
   * out.
   */
  List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int count, Duration timeout) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        consumer("reader-" + System.nanoTime(), Map.of())) {
      consumer.subscribe(List.of(topic));
      long end = System.nanoTime() + timeout.toNanos();
      while (records.size() < count && System.nanoTime() < end) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
      // Anything beyond the expected count would be a duplicate: read a little longer to see it.
      long grace = System.nanoTime() + Duration.ofMillis(300).toNanos();
      while (System.nanoTime() < grace) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }

  /** The committed offset of {@code group} on a partition, or -1 when none. */
  long committed(String group, TopicPartition partition) throws Exception {
    var offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    var offset = offsets.get(partition);
    return offset == null ? -1 : offset.offset();
  }

  @Override
  public void close() throws IOException {
    try {
      admin.close(Duration.ofSeconds(5));
      cluster.close();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("the broker did not stop cleanly", e);
    } finally {
      deleteLeftovers();
    }
  }

  /** The test kit deletes its own directories on close; this removes what may be left. */
  private void deleteLeftovers() throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
