package dev.faultline.bench.report;

import dev.faultline.bench.Alternatives;
import dev.faultline.bench.Compatibility;
import dev.faultline.bench.Compatibility.Outcome;
import dev.faultline.bench.Compatibility.Pool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes docs/benchmarks.md from JMH's JSON results, the HTTP load TSV and the compatibility matrix
 * (measured here, by the same code the compatibility test asserts on).
 *
 * <p>Arguments: jmh.json, http.tsv, the output file, the command that ran, the load at the start.
 */
public final class Report {
  private final Map<String, JsonNode> jmh = new HashMap<>();
  private final List<String[]> http = new ArrayList<>();
  private final StringBuilder md = new StringBuilder();
  private final List<String[]> targets = new ArrayList<>();

  private Report() {}

  /** Builds the report; see the class comment. */
  public static void main(String[] args) throws Exception {
    Report report = new Report();
    report.read(Paths.get(args[0]), Paths.get(args[1]));
    String text = report.write(args[3], args[4]);
    Files.writeString(Paths.get(args[2]), text, StandardCharsets.UTF_8);
    System.out.println("wrote " + args[2]);
  }

  private void read(Path jmhJson, Path httpTsv) throws IOException {
    for (JsonNode run : JsonMapper.builder().build().readTree(jmhJson.toFile())) {
      String name = run.get("benchmark").asString();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      JsonNode params = run.get("params");
      String param =
          params != null && params.has("executor") ? params.get("executor").asString() : "";
      jmh.put(name + "|" + run.get("mode").asString() + "|" + param, run);
    }
    List<String> lines = Files.readAllLines(httpTsv);
    for (String line : lines.subList(1, lines.size())) {
      http.add(line.split("\t"));
    }
  }

  private JsonNode run(String name, String mode, String param) {
    JsonNode run = jmh.get(name + "|" + mode + "|" + param);
    if (run == null) {
      throw new IllegalStateException("no JMH result for " + name + " " + mode + " " + param);
    }
    return run;
  }

  private double score(String name, String mode, String param) {
    return run(name, mode, param).get("primaryMetric").get("score").asDouble();
  }

  private double error(String name, String mode, String param) {
    double e = run(name, mode, param).get("primaryMetric").get("scoreError").asDouble();
    return Double.isNaN(e) ? 0 : e;
  }

  private double alloc(String name, String mode, String param) {
    JsonNode gc = run(name, mode, param).get("secondaryMetrics").get("gc.alloc.rate.norm");
    return gc == null ? Double.NaN : gc.get("score").asDouble();
  }

  private double percentile(String name, String param, String p) {
    return run(name, "sample", param)
        .get("primaryMetric")
        .get("scorePercentiles")
        .get(p)
        .asDouble();
  }

  private String write(String command, String loadAtStart) throws Exception {
    header(command, loadAtStart);
    executors("HandoffBenchmark.handoff", "1. Task hand-off through a one-thread pool, per task");
    executors(
        "WrapBenchmark.wrapAndRun", "1b. The wrap alone (inline executor, no queue hop), per task");
    failures();
    codec();
    foreign();
    http();
    targetsSection();
    compatibility();
    md.append(Texts.ANALYSIS);
    return md.toString();
  }

  private void header(String command, String loadAtStart) throws IOException {
    md.append("# Benchmarks\n\n")
        .append("Produced by one command on ")
        .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(" (a short run: numbers carry JMH's 99.9% error; ratios are to the baseline")
        .append(" measured in the same run).\n\n```sh\n")
        .append(command)
        .append("\n```\n\n| machine | |\n|---|---|\n")
        .append(row("CPU", cpuModel()))
        .append(row("cores", String.valueOf(Runtime.getRuntime().availableProcessors())))
        .append(row("memory", memTotal()))
        .append(row("load (1/5/15 min) at start", loadAtStart))
        .append(row("load (1/5/15 min) at end", load()))
        .append(
            row(
                "JDK",
                System.getProperty("java.vm.name")
                    + " "
                    + System.getProperty("java.runtime.version")
                    + " ("
                    + System.getProperty("java.vendor")
                    + ")"))
        .append(row("OS", System.getProperty("os.name") + " " + System.getProperty("os.version")))
        .append("\n")
        .append(Texts.METHOD);
  }

  private void executors(String name, String title) {
    md.append("## ").append(title).append("\n\n");
    md.append("| alternative | ns/op | ± | ratio to plain | B/op | B/op over plain |\n");
    md.append("|---|---:|---:|---:|---:|---:|\n");
    double plain = score(name, "avgt", "PLAIN");
    double plainAlloc = alloc(name, "avgt", "PLAIN");
    for (Alternatives a : Alternatives.values()) {
      double s = score(name, "avgt", a.name());
      double b = alloc(name, "avgt", a.name());
      md.append("| ")
          .append(a.title())
          .append(" | ")
          .append(f(s, 1))
          .append(" | ")
          .append(f(error(name, "avgt", a.name()), 1))
          .append(" | ")
          .append(f(s / plain, 2))
          .append("× | ")
          .append(f(b, 1))
          .append(" | ")
          .append(f(b - plainAlloc, 1))
          .append(" |\n");
    }
    md.append("\n");
  }

  private void failures() {
    String[] variants = {"synchronizedList", "concurrentMap", "taskScope"};
    String[] titles = {"synchronized list", "global ConcurrentHashMap", "Faultline TaskScope"};
    md.append("## 2. Failure recording: 1,000 failing tasks on a 4-thread pool, per round\n\n");
    md.append(
        "| collector | rounds/s | ± | failures/s | ratio to synchronized list | p50 ms | p99 ms | p99"
            + " ratio | B per failure |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    String base = "FailureRecordingBenchmark.synchronizedList";
    double baseThrpt = score(base, "thrpt", "");
    double baseP99 = percentile(base, "", "99.0");
    for (int i = 0; i < variants.length; i++) {
      String n = "FailureRecordingBenchmark." + variants[i];
      double t = score(n, "thrpt", "") * 1000;
      double p99 = percentile(n, "", "99.0");
      md.append("| ")
          .append(titles[i])
          .append(" | ")
          .append(f(t, 0))
          .append(" | ")
          .append(f(error(n, "thrpt", "") * 1000, 0))
          .append(" | ")
          .append(f(t * 1000, 0))
          .append(" | ")
          .append(f(t / (baseThrpt * 1000), 2))
          .append("× | ")
          .append(f(percentile(n, "", "50.0"), 3))
          .append(" | ")
          .append(f(p99, 3))
          .append(" | ")
          .append(f(p99 / baseP99, 2))
          .append("× | ")
          .append(f(alloc(n, "thrpt", "") / 1000, 0))
          .append(" |\n");
    }
    md.append("\n");
    double ratio = score("FailureRecordingBenchmark.taskScope", "thrpt", "") / baseThrpt;
    target(
        "Failure recording ≥ 10× the synchronized list's throughput at 1,000 tasks",
        f(ratio, 2) + "×",
        ratio >= 10);
  }

  private void codec() {
    md.append("## 3. problem+json, a three-hop fault chain at INTERNAL exposure\n\n");
    md.append(
        "| operation | Faultline ns | ± | jackson-databind ns | ± | Faultline speed-up | Faultline"
            + " B/op | Jackson B/op | allocation ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String op : new String[] {"Encode", "Decode", "RoundTrip"}) {
      String fl = "CodecBenchmark.faultline" + op;
      String jk = "CodecBenchmark.jackson" + op;
      double fs = score(fl, "avgt", "");
      double js = score(jk, "avgt", "");
      double fa = alloc(fl, "avgt", "");
      double ja = alloc(jk, "avgt", "");
      md.append("| ")
          .append(op)
          .append(" | ")
          .append(f(fs, 0))
          .append(" | ")
          .append(f(error(fl, "avgt", ""), 0))
          .append(" | ")
          .append(f(js, 0))
          .append(" | ")
          .append(f(error(jk, "avgt", ""), 0))
          .append(" | ")
          .append(f(js / fs, 2))
          .append("× | ")
          .append(f(fa, 0))
          .append(" | ")
          .append(f(ja, 0))
          .append(" | ")
          .append(f(fa / ja, 2))
          .append(" |\n");
      if (op.equals("RoundTrip")) {
        target(
            "Codec round trip ≥ 2× faster than jackson-databind, ≤ half its allocation",
            f(js / fs, 2) + "× as fast, " + f(fa / ja, 2) + "× the allocation",
            js / fs >= 2 && fa / ja <= 0.5);
      }
    }
    md.append("\n");
  }

  private void foreign() {
    String n = "ForeignErrorsBenchmark.decode";
    md.append("## 4. ForeignErrors.decode over the corpus, per response\n\n")
        .append("| | ns per response | ± | B per response |\n|---|---:|---:|---:|\n")
        .append("| ForeignErrors.decode | ")
        .append(f(score(n, "avgt", ""), 0))
        .append(" | ")
        .append(f(error(n, "avgt", ""), 0))
        .append(" | ")
        .append(f(alloc(n, "avgt", ""), 0))
        .append(" |\n\n")
        .append(
            "No library decodes these formats, so there is no alternative to set beside it: the"
                + " figure is the mean over every `.http` file of the corpus, each decoded in"
                + " turn.\n\n");
  }

  private void http() {
    md.append(
        "## 5. JDK HttpServer under load (wrk, separate process), bare and with FaultlineFilter\n\n");
    md.append(
        "| path | server | requests/s | ratio | p50 ms | p99 ms | p99 ratio |\n"
            + "|---|---|---:|---:|---:|---:|---:|\n");
    for (String path : new String[] {"ok", "missing"}) {
      double[] bare = httpMean("/bare/" + path);
      double[] fl = httpMean("/faultline/" + path);
      String label = path.equals("ok") ? "success (200)" : "failure (404 problem)";
      md.append(httpRow(label, "bare", bare, bare))
          .append(httpRow(label, "FaultlineFilter", fl, bare));
      target(
          "HTTP " + label + ": ≥ 95% of bare throughput, p99 within 10%",
          f(fl[0] / bare[0] * 100, 1) + "% throughput, p99 " + f(fl[2] / bare[2], 2) + "×",
          fl[0] / bare[0] >= 0.95 && fl[2] / bare[2] <= 1.10);
    }
    md.append(
        "\nEach row is the mean of the rounds below (rounds alternate the order of the routes).\n\n");
    md.append(
        "| round | route | requests/s | p50 ms | p99 ms | requests | non-2xx |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (String[] r : http) {
      md.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    md.append("\n");
  }

  private String httpRow(String label, String server, double[] v, double[] bare) {
    return "| "
        + label
        + " | "
        + server
        + " | "
        + f(v[0], 0)
        + " | "
        + f(v[0] / bare[0], 2)
        + "× | "
        + f(v[1], 3)
        + " | "
        + f(v[2], 3)
        + " | "
        + f(v[2] / bare[2], 2)
        + "× |\n";
  }

  private double[] httpMean(String route) {
    double[] sum = new double[3];
    int n = 0;
    for (String[] r : http) {
      if (r[1].equals(route)) {
        for (int i = 0; i < 3; i++) {
          sum[i] += Double.parseDouble(r[2 + i]);
        }
        n++;
      }
    }
    for (int i = 0; i < 3; i++) {
      sum[i] /= Math.max(1, n);
    }
    return sum;
  }

  private void targetsSection() {
    String h = "HandoffBenchmark.handoff";
    String w = "WrapBenchmark.wrapAndRun";
    double plain = score(h, "avgt", "PLAIN");
    double none = score(h, "avgt", "FAULTLINE_NO_CONTEXT");
    double ctx = score(h, "avgt", "FAULTLINE");
    List<String[]> exec = new ArrayList<>();
    exec.add(
        verdict(
            "Hand-off, no context: within 5% of plain",
            f((none / plain - 1) * 100, 1) + "% over plain", none / plain <= 1.05));
    double extraNs = ctx - plain;
    double extraB = alloc(h, "avgt", "FAULTLINE") - alloc(h, "avgt", "PLAIN");
    exec.add(
        verdict(
            "Hand-off, context: ≤ 50 ns and ≤ 1 allocation (≈ 32 B) per task over plain",
            f(extraNs, 1) + " ns, " + f(extraB, 1) + " B over plain",
            extraNs <= 50 && extraB <= 32));
    double wrapExtra = score(w, "avgt", "FAULTLINE") - score(w, "avgt", "PLAIN");
    exec.add(
        verdict(
            "Wrap alone, context: ≤ 50 ns over plain",
            f(wrapExtra, 1) + " ns over plain",
            wrapExtra <= 50));
    for (String bench : new String[] {h, w}) {
      double fl = score(bench, "avgt", "FAULTLINE");
      StringBuilder slower = new StringBuilder();
      for (Alternatives a :
          new Alternatives[] {Alternatives.TTL, Alternatives.OTEL, Alternatives.MICROMETER}) {
        if (fl > score(bench, "avgt", a.name()) + error(bench, "avgt", a.name())) {
          slower.append(slower.length() == 0 ? "" : ", ").append(a.title());
        }
      }
      exec.add(
          verdict(
              (bench.equals(h) ? "Hand-off" : "Wrap alone")
                  + ", context: not slower than TTL, OpenTelemetry, Micrometer",
              slower.length() == 0 ? "slower than none" : "slower than " + slower,
              slower.length() == 0));
    }
    targets.addAll(0, exec);
    md.append("## Targets of issue 8\n\n| target | measured | met |\n|---|---|---|\n");
    for (String[] t : targets) {
      md.append("| ").append(String.join(" | ", t)).append(" |\n");
    }
    md.append("\n");
  }

  private void target(String what, String measured, boolean met) {
    targets.add(verdict(what, measured, met));
  }

  private static String[] verdict(String what, String measured, boolean met) {
    return new String[] {what, measured, met ? "yes" : "**no**"};
  }

  private void compatibility() throws Exception {
    Map<Alternatives, Map<Pool, Outcome>> results = Compatibility.measure();
    md.append("## Compatibility, measured\n\n")
        .append("Measured now, on the JDK above, by `Compatibility.measure()` — the code")
        .append(" `CompatibilityTest` asserts on in `mvn verify` (CI runs it on Java 17 and 25). A")
        .append(
            " value is made current, a task is handed over through the library's decorator, the")
        .append(
            " task reads the value; a second task submitted with nothing current must not see it.\n\n")
        .append("| executor |");
    for (Alternatives a : Compatibility.LIBRARIES) {
      md.append(" ").append(a.title()).append(" |");
    }
    md.append("\n|---|");
    for (int i = 0; i < Compatibility.LIBRARIES.size(); i++) {
      md.append("---|");
    }
    md.append("\n");
    for (Pool pool : Pool.values()) {
      md.append("| ").append(pool.title()).append(" |");
      for (Alternatives a : Compatibility.LIBRARIES) {
        md.append(" ")
            .append(results.get(a).get(pool).name().toLowerCase(Locale.ROOT))
            .append(" |");
      }
      md.append("\n");
    }
    md.append("\n").append(Texts.FAILURE_MODES);
  }

  private static String row(String key, String value) {
    return "| " + key + " | " + value + " |\n";
  }

  private static String f(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  private static String cpuModel() throws IOException {
    for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown";
  }

  private static String memTotal() throws IOException {
    for (String line : Files.readAllLines(Paths.get("/proc/meminfo"))) {
      if (line.startsWith("MemTotal")) {
        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return f(kb / 1024.0 / 1024.0, 1) + " GiB";
      }
    }
    return "unknown";
  }

  private static String load() throws IOException {
    String[] parts = Files.readString(Paths.get("/proc/loadavg")).trim().split(" ");
    return parts[0] + " / " + parts[1] + " / " + parts[2];
  }
}
