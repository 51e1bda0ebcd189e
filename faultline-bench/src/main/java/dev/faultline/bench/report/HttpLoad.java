package dev.faultline.bench.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the HTTP benchmark from outside the server's JVM: starts {@code HttpServerMain} in a JVM
 * of its own, loads each route with {@code wrk} (a separate process), and writes one line per route
 * and round to a TSV file. Each route is warmed up first; then every route is measured in each
 * round, the order reversed every other round, so drift in the machine's load does not favour one
 * side.
 *
 * <p>Arguments: the output file, then optionally seconds per measurement (default 6), rounds
 * (default 2), connections (default 16).
 */
public final class HttpLoad {
  /** The routes, bare and behind FaultlineFilter. */
  static final List<String> ROUTES =
      List.of("/bare/ok", "/faultline/ok", "/bare/missing", "/faultline/missing");

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

  private HttpLoad() {}

  /** Runs the load; see the class comment. */
  public static void main(String[] args) throws Exception {
    Path out = Paths.get(args[0]);
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int connections = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    Process server =
        new ProcessBuilder(
                java,
                "-Dsun.net.httpserver.nodelay=true", // else Nagle + delayed ACKs give 40 ms answers
                "-cp",
                classpath,
                "dev.faultline.bench.HttpServerMain")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      int port = readPort(server);
      List<String> lines = new ArrayList<>();
      lines.add("round\troute\trps\tp50_ms\tp99_ms\trequests\tnon2xx");
      for (String route : ROUTES) {
        wrk(port, route, 3, connections); // warm-up, not recorded
      }
      for (int round = 1; round <= rounds; round++) {
        List<String> order = new ArrayList<>(ROUTES);
        if (round % 2 == 0) {
          Collections.reverse(order);
        }
        for (String route : order) {
          Map<String, String> r = wrk(port, route, seconds, connections);
          lines.add(
              String.join(
                  "\t",
                  String.valueOf(round),
                  route,
                  r.get("rps"),
                  r.get("p50"),
                  r.get("p99"),
                  r.get("requests"),
                  r.get("non2xx")));
          System.out.println("http " + round + " " + route + " " + r);
        }
      }
      Files.write(out, lines, StandardCharsets.UTF_8);
    } finally {
      server.getOutputStream().close(); // the server stops when its input closes
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static int readPort(Process server) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null || !line.startsWith("PORT ")) {
      throw new IllegalStateException("the benchmark server did not start: " + line);
    }
    return Integer.parseInt(line.substring(5).trim());
  }

  static Map<String, String> wrk(int port, String route, int seconds, int connections)
      throws IOException, InterruptedException {
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t1",
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "5s",
                "--latency",
                "http://127.0.0.1:" + port + route)
            .redirectErrorStream(true)
            .start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      wrk.destroyForcibly();
      throw new IllegalStateException("wrk failed on " + route + ":\n" + output);
    }
    return parse(output);
  }

  static Map<String, String> parse(String output) {
    Map<String, String> result = new LinkedHashMap<>();
    result.put("rps", find(RPS, output, "0"));
    Matcher m = PERCENTILE.matcher(output);
    while (m.find()) {
      result.put(m.group(1).equals("50") ? "p50" : "p99", millis(m.group(2), m.group(3)));
    }
    result.putIfAbsent("p50", "NaN");
    result.putIfAbsent("p99", "NaN");
    result.put("requests", find(REQUESTS, output, "0"));
    result.put("non2xx", find(NON_2XX, output, "0"));
    return result;
  }

  private static String find(Pattern pattern, String text, String otherwise) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : otherwise;
  }

  private static String millis(String number, String unit) {
    double value = Double.parseDouble(number);
    double ms = unit.equals("us") ? value / 1000 : unit.equals("s") ? value * 1000 : value;
    return String.format(Locale.ROOT, "%.4f", ms);
  }
}
