package dev.faultline.demo;

import dev.faultline.Faults;
import dev.faultline.context.TraceParent;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The driver of {@code ./faultline demo}: starts the shop (a Kafka broker, inventory in Python,
 * orders, billing and the gateway, each a process of its own), sends the scripted requests, and
 * shows for each what the outside caller got and what Faultline saw inside, from the services'
 * fault journals. It ends with failures injected, reported and lost, and stops every process.
 *
 * <p>Flags: {@code --requests N} runs the scenario N times; {@code --keep-running} leaves the shop
 * up for your own requests until Ctrl-C.
 */
public final class Demo {
  private static final Duration JOURNAL_WAIT = Duration.ofSeconds(20);
  private static final PrintStream OUT = System.out;

  private final Path work;
  private final Processes shop;
  private final Journals journals;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, int[]> tally = new LinkedHashMap<>();
  private int inventoryPort;
  private URI gateway = URI.create("http://127.0.0.1");

  private Demo(Path work, Processes shop) {
    this.work = work;
    this.shop = shop;
    this.journals = new Journals(work.resolve("journal"));
  }

  /**
   * Runs the demo.
   *
   * @param args {@code [--requests N] [--keep-running]}
   * @throws IOException when the work directory cannot be made
   */
  public static void main(String[] args) throws IOException {
    int requests = 1;
    boolean keepRunning = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--keep-running" -> keepRunning = true;
        default -> {
          OUT.println("usage: ./faultline demo [--requests N] [--keep-running]");
          System.exit(args[i].equals("--help") ? 0 : 2);
        }
      }
    }
    Path home = Path.of(System.getProperty("faultline.demo.home", ".")).toAbsolutePath();
    Path work = home.resolve("target/demo").normalize();
    deleteTree(work);
    Processes shop = new Processes(work.resolve("logs"), OUT);
    Runtime.getRuntime().addShutdownHook(new Thread(shop::close, "demo-stop"));
    int exit;
    try {
      exit = new Demo(work, shop).run(home, requests, keepRunning);
    } catch (Exception e) {
      OUT.println("demo FAILED: " + e.getMessage());
      e.printStackTrace(OUT);
      exit = 1;
    }
    shop.close();
    System.exit(exit);
  }

  private int run(Path home, int requests, boolean keepRunning) throws Exception {
    long started = System.nanoTime();
    String bootstrap = start(home);
    OUT.printf("the shop is up in %.1f s%n", seconds(started));
    try (DeadLetterTopic deadLetters = new DeadLetterTopic(bootstrap)) {
      List<Scenario.Step> steps = Scenario.steps(deadLetters);
      for (int round = 1; round <= requests; round++) {
        for (int i = 0; i < steps.size(); i++) {
          step(round, requests, i + 1, steps.get(i), deadLetters);
        }
      }
    }
    int lost = summary();
    OUT.printf("demo took %.1f s%n", seconds(started));
    if (keepRunning) {
      keepRunning();
    }
    return lost == 0 ? 0 : 1;
  }

  /** Starts every process and waits for each; returns Kafka's bootstrap servers. */
  private String start(Path home) throws Exception {
    OUT.println("starting the shop (logs and journals in " + work + ")");
    Path script = home.resolve("faultline-demo/src/main/python/inventory.py");
    String python = System.getProperty("faultline.demo.python", "python3");
    inventoryPort = Processes.freePort();
    String ordersPort = Integer.toString(Processes.freePort());
    String gatewayPort = Integer.toString(Processes.freePort());
    var kafka =
        shop.java(
            "kafka", List.of("-Xmx512m"), KafkaBroker.class, work.resolve("kafka").toString());
    var inventory =
        shop.start(
            "inventory",
            List.of(python, "-u", script.toString(), "--port", Integer.toString(inventoryPort)));
    var gateway = shop.java("gateway", service("gateway"), Gateway.class, gatewayPort, ordersPort);
    shop.awaitReady(inventory, Duration.ofSeconds(30));
    String bootstrap = shop.awaitReady(kafka, Duration.ofSeconds(120));
    var orders =
        shop.java(
            "orders",
            service("orders"),
            Orders.class,
            ordersPort,
            "http://127.0.0.1:" + inventoryPort,
            bootstrap);
    var billing = shop.java("billing", service("billing"), Billing.class, bootstrap);
    this.gateway = URI.create(shop.awaitReady(gateway, Duration.ofSeconds(60)));
    shop.awaitReady(orders, Duration.ofSeconds(60));
    shop.awaitReady(billing, Duration.ofSeconds(60));
    OUT.printf(
        "inventory is 127.0.0.1:%d: a Python service that does not name itself, so Faultline"
            + " names it by its address%n",
        inventoryPort);
    return bootstrap;
  }

  /** Sends one request, shows the outside and the inside, and tallies what was found. */
  private void step(int round, int rounds, int number, Scenario.Step step, DeadLetterTopic dlt)
      throws Exception {
    TraceParent trace = TraceParent.newRoot();
    String traceId = trace.traceId();
    OUT.println();
    OUT.printf(
        "━━ %d. %s%s ━━%n",
        number, step.title(), rounds > 1 ? " (round " + round + " of " + rounds + ")" : "");
    OUT.println("   " + step.story());
    OUT.printf("   %s %s   trace %s%n", step.method(), step.path(), traceId);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(gateway.resolve(step.path()))
                .method(step.method(), HttpRequest.BodyPublishers.noBody())
                .header("traceparent", trace.toString())
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    OUT.printf(
        "   outside: %d %s%n            %s%n",
        response.statusCode(),
        response.headers().firstValue("content-type").orElse(""),
        response.body());
    List<Scenario.Expected> found = awaitReports(step, traceId);
    inside(traceId, dlt);
    for (Scenario.Expected expected : step.injected()) {
      boolean ok = found.contains(expected);
      OUT.printf(
          "   %s %s (%s journal, %s)%n",
          ok ? "✓ reported:" : "✗ LOST:    ", expected.what(), expected.journal(), expected.kind());
    }
    int[] counts = tally.computeIfAbsent(number + ". " + step.title(), k -> new int[2]);
    counts[0] += step.injected().size();
    counts[1] += found.size();
  }

  /**
   * Waits until every injected failure of the step is in a journal under this trace, or times out.
   */
  private List<Scenario.Expected> awaitReports(Scenario.Step step, String traceId)
      throws Exception {
    long end = System.nanoTime() + JOURNAL_WAIT.toNanos();
    List<Scenario.Expected> found = new ArrayList<>();
    while (true) {
      List<Journals.Entry> entries = journals.ofTrace(traceId);
      found.clear();
      for (Scenario.Expected expected : step.injected()) {
        if (entries.stream().anyMatch(expected::matches)) {
          found.add(expected);
        }
      }
      if (found.size() == step.injected().size() || System.nanoTime() > end) {
        Thread.sleep(300); // let the other hops' records of this trace land too
        return found;
      }
      Thread.sleep(100);
    }
  }

  /** Prints every journal record of the trace, each chain as Faults.render draws it. */
  private void inside(String traceId, DeadLetterTopic dlt) throws IOException {
    List<Journals.Entry> entries = journals.ofTrace(traceId);
    if (entries.isEmpty()) {
      OUT.println("   inside:  no fault recorded in any journal");
      return;
    }
    OUT.println("   inside:");
    for (Journals.Entry e : entries) {
      OUT.printf(
          "     %s journal, %s%s%s:%n",
          e.journal(),
          e.kind(),
          e.task() == null ? "" : ", task " + e.task(),
          e.exception() == null ? "" : ", " + e.exception());
      Faults.render(e.fault())
          .lines()
          .filter(line -> !line.equals("trace " + traceId))
          .forEach(line -> OUT.println("       " + line));
      String details = taskDetails(e);
      if (!details.isEmpty()) {
        OUT.println("       " + details);
      }
      if (e.kind().equals("dead-letter")) {
        String letter = dlt.find(traceId);
        OUT.println("       " + (letter == null ? "no dead letter in the topic!" : letter));
      }
    }
  }

  private static String taskDetails(Journals.Entry e) {
    Map<String, String> m = e.fault().metadata();
    if (!e.kind().equals("task") || !m.containsKey("input")) {
      return "";
    }
    return String.format(
        "input %s, attempt %s, thread %s, ran %s ms",
        m.get("input"), m.get("attempt"), m.get("thread"), m.get("ranMillis"));
  }

  /** Prints the table; returns the number of failures lost. */
  private int summary() {
    OUT.println();
    OUT.println("━━ summary ━━");
    OUT.printf("   %-42s %8s %8s %5s%n", "scenario", "injected", "reported", "lost");
    int injected = 0;
    int reported = 0;
    for (Map.Entry<String, int[]> row : tally.entrySet()) {
      int[] c = row.getValue();
      OUT.printf("   %-42s %8d %8d %5d%n", row.getKey(), c[0], c[1], c[0] - c[1]);
      injected += c[0];
      reported += c[1];
    }
    OUT.printf("   %-42s %8d %8d %5d%n", "total", injected, reported, injected - reported);
    OUT.printf(
        "failures injected: %d, failures reported: %d, failures lost: %d%n",
        injected, reported, injected - reported);
    return injected - reported;
  }

  private void keepRunning() throws InterruptedException {
    OUT.println();
    OUT.println("The shop keeps running; send your own requests, then press Ctrl-C to stop it:");
    OUT.printf("  curl -i -X POST '%sorders?item=apple'%n", gateway.resolve("/"));
    OUT.printf("  curl -i -X POST '%sorders?item=unicorn'%n", gateway.resolve("/"));
    OUT.printf("  curl -i -X POST '%sorders?item=grandfather-clock'%n", gateway.resolve("/"));
    OUT.printf("  curl -i '%squote?items=apple,pear,dragon'%n", gateway.resolve("/"));
    OUT.printf("  tail -f %s/journal/*.ndjson%n", work);
    OUT.flush();
    Thread.currentThread().join();
  }

  private List<String> service(String name) {
    return List.of(
        "-Xmx256m", "-Dfaultline.service=" + name, "-Dfaultline.journal=" + journals.fileOf(name));
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
