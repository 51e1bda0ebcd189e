package dev.faultline.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The demo's Kafka: one KRaft node (broker and controller in one) in a JVM of its own, on loopback,
 * with its data under the directory given as the first argument. It creates the topics {@code
 * orders} and {@code orders.dlt}, writes its bootstrap address to {@code bootstrap.txt} there and
 * runs until it is stopped.
 */
public final class KafkaBroker {
  private KafkaBroker() {}

  /**
   * Starts the broker.
   *
   * @param args the data directory
   * @throws Exception when the broker cannot start
   */
  public static void main(String[] args) throws Exception {
    Lifeline.exitWithParent();
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(dir, "kraft-"))
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
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(cluster, stopped), "broker-stop"));
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    String bootstrap = cluster.bootstrapServers();
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(OrderEvent.TOPIC, 1, (short) 1),
                  new NewTopic(OrderEvent.TOPIC + ".dlt", 1, (short) 1)))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
    Files.writeString(dir.resolve("bootstrap.txt"), bootstrap);
    Lifeline.ready("kafka", bootstrap);
    stopped.await();
  }

  private static void stop(KafkaClusterTestKit cluster, CountDownLatch stopped) {
    try {
      cluster.close();
    } catch (Exception e) {
      System.err.println("the broker did not stop cleanly: " + e);
    } finally {
      stopped.countDown();
    }
  }
}
