package dev.faultline.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.FaultException;
import dev.faultline.concurrent.FaultlineExecutors;
import dev.faultline.concurrent.LabeledTask;
import dev.faultline.concurrent.TaskFailure;
import dev.faultline.concurrent.TaskScope;
import dev.faultline.concurrent.TaskScopeException;
import dev.faultline.grpc.FaultlineServerInterceptor;
import dev.faultline.http.FaultlineHttpClient;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.kafka.FaultlineProducerInterceptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The orders service (gRPC). To place an order it asks inventory (a Python service, over HTTP) for
 * the item, publishes an order event for billing (Kafka), and awards loyalty points in the
 * background; to quote several items it looks them up in parallel.
 *
 * <p>Faultline here: the {@link FaultlineServerInterceptor} (the caller's trace and deadline are
 * current in every handler, and any exception becomes a gRPC status with the fault chain in its
 * details); {@link FaultlineHttpClient} (inventory's errors, in FastAPI's format, become a {@code
 * RemoteFaultException}; the deadline goes along); {@link FaultlineProducerInterceptor} (each event
 * carries the trace to billing); {@link FaultlineExecutors} (a background task that fails is
 * reported, with the request's trace, although nobody waits for it); and a {@link TaskScope} for
 * the fan-out, which keeps every failed task with its input.
 */
public final class Orders {
  private static final Pattern PRICE =
      Pattern.compile("\"priceCents\"\\s*:\\s*(?:\"([^\"]*)\"|(-?\\d+))");

  private final URI inventory;
  private final HttpClient http = FaultlineHttpClient.wrap(HttpClient.newHttpClient());
  private final ExecutorService pool = FaultlineExecutors.wrap(Executors.newFixedThreadPool(4));
  private final Producer<String, String> events;
  private final AtomicLong orderIds = new AtomicLong();

  private Orders(URI inventory, Producer<String, String> events) {
    this.inventory = inventory;
    this.events = events;
  }

  /**
   * Runs the orders service.
   *
   * @param args the port to listen on, inventory's base URI, and Kafka's bootstrap servers
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    Lifeline.exitWithParent();
    int port = Integer.parseInt(args[0]);
    Orders orders = new Orders(URI.create(args[1]), producer(args[2]));
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
            .addService(
                ServerInterceptors.intercept(
                    orders.service(),
                    FaultlineServerInterceptor.builder()
                        .service("orders")
                        .exposure(Exposure.INTERNAL) // our callers are ours: they see the chain
                        .build()))
            .build()
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> orders.stop(server), "orders-stop"));
    Lifeline.ready("orders", "grpc 127.0.0.1:" + port);
    server.awaitTermination();
  }

  private static Producer<String, String> producer(String bootstrap) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
            FaultlineProducerInterceptor.class.getName(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    producer.partitionsFor(OrderEvent.TOPIC); // fetch the metadata now, not on the first order
    return producer;
  }

  private ServerServiceDefinition service() {
    return ServerServiceDefinition.builder(OrdersApi.SERVICE)
        .addMethod(
            OrdersApi.PLACE,
            ServerCalls.asyncUnaryCall((item, reply) -> answer(reply, () -> place(item))))
        .addMethod(
            OrdersApi.QUOTE,
            ServerCalls.asyncUnaryCall((items, reply) -> answer(reply, () -> quote(items))))
        .build();
  }

  /** Places an order: the item must exist, the event must reach Kafka; points come later. */
  private String place(String item) throws Exception {
    String price = priceOf(item); // inventory's NOT_FOUND or a timeout is thrown from here
    String orderId = "o-" + orderIds.incrementAndGet();
    events
        .send(
            new ProducerRecord<>(OrderEvent.TOPIC, orderId, OrderEvent.line(orderId, item, price)))
        .get(5, TimeUnit.SECONDS);
    pool.execute(new AwardPoints(orderId, item)); // fire and forget: nobody waits for it
    return String.format(
        "{\"orderId\":\"%s\",\"item\":\"%s\",\"priceCents\":\"%s\"}", orderId, item, price);
  }

  /**
   * Prices every item in parallel. When some fail, each failure is reported to the fault journal
   * with its task, input, attempt and thread, and the call fails with all of them.
   */
  private String quote(String items) throws InterruptedException {
    try (TaskScope<String> scope =
        TaskScope.builder("quote").executor(pool).policy(TaskScope.Policy.COLLECT_ALL).build()) {
      for (String item : items.split(",")) {
        scope.fork("price", item, () -> item + "=" + Long.parseLong(priceOf(item)));
      }
      return scope.join().stream().collect(Collectors.joining(",", "{\"prices\":\"", "\"}"));
    } catch (TaskScopeException e) {
      for (TaskFailure failure : e.failures()) {
        FaultJournal.global()
            .report(
                FaultKind.TASK,
                failure
                    .fault()
                    .withMetadata("input", String.valueOf(failure.input()))
                    .withMetadata("attempt", Integer.toString(failure.attempt()))
                    .withMetadata("thread", failure.thread())
                    .withMetadata("ranMillis", Long.toString(failure.ran().toMillis())),
                failure.exception(),
                failure.label() + "#" + failure.index());
      }
      throw e;
    }
  }

  /** The item's price as inventory wrote it (a number, or whatever someone typed instead). */
  private String priceOf(String item) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(inventory.resolve("/items/" + URLEncoder.encode(item, UTF_8)))
            .build();
    String body;
    try {
      body = http.send(request, BodyHandlers.ofString()).body(); // inventory's errors are thrown
    } catch (HttpTimeoutException e) {
      throw new FaultException( // say which hop ran out of time, keep the JDK's exception
          Fault.builder(Code.DEADLINE_EXCEEDED)
              .reason("INVENTORY_TIMEOUT")
              .domain("orders.shop.example")
              .message("Inventory did not answer for '" + item + "' within the deadline")
              .metadata("item", item)
              .metadata("peer", inventory.getAuthority())
              .build(),
          e);
    }
    Matcher price = PRICE.matcher(body);
    if (!price.find()) {
      throw new IllegalStateException("inventory sent no price for " + item);
    }
    return price.group(1) != null ? price.group(1) : price.group(2);
  }

  private static void answer(StreamObserver<String> reply, Callable<String> handler) {
    String result;
    try {
      result = handler.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("order event not published", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    reply.onNext(result); // a failure above escapes: the interceptor answers it
    reply.onCompleted();
  }

  private void stop(Server server) {
    server.shutdown();
    pool.shutdown();
    events.close(java.time.Duration.ofSeconds(2));
  }

  /**
   * Awards loyalty points for an order, in the background. It has no rule for gift cards: a bug
   * that no response shows, since nobody waits for this task. {@link LabeledTask} names it in the
   * fault journal.
   */
  record AwardPoints(String orderId, String item) implements Runnable, LabeledTask {
    @Override
    public void run() {
      if (item.startsWith("gift-card")) {
        throw new IllegalStateException("no loyalty rule for " + item + " (order " + orderId + ")");
      }
      System.out.println("orders: loyalty points for " + orderId);
    }

    @Override
    public String taskLabel() {
      return "award-points";
    }
  }
}
