package dev.faultline.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The processes the driver started, each with its output in a log file of its own. {@link #close}
 * stops every one of them (SIGTERM, then SIGKILL after a grace period) and says so; it runs from a
 * shutdown hook too, so the shop goes down on a normal exit, on Ctrl-C and on a failure alike.
 */
final class Processes implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(8);

  /** A started process, and the log its output goes to. */
  record Started(String name, Process process, Path log) {
    long pid() {
      return process.pid();
    }
  }

  private final Path logs;
  private final PrintStream out;
  private final List<Started> started = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  Processes(Path logs, PrintStream out) throws IOException {
    this.logs = Files.createDirectories(logs);
    this.out = out;
  }

  /** Starts {@code mainClass} in a JVM of its own, on this JVM's classpath. */
  Started java(String name, List<String> jvmOptions, Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.addAll(jvmOptions);
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return start(name, command);
  }

  /** Starts a command (say, {@code python3 inventory.py}). */
  Started start(String name, List<String> command) {
    Path log = logs.resolve(name + ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
      Started s = new Started(name, process, log);
      started.add(s);
      out.printf("  started %-9s pid %d  (log %s)%n", name, s.pid(), log);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command.get(0), e);
    }
  }

  /** Waits for the process to print {@code READY <name> <detail>}; returns the detail. */
  String awaitReady(Started s, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    String prefix = "READY " + s.name() + " ";
    while (System.nanoTime() < end) {
      for (String line : lines(s.log())) {
        if (line.startsWith(prefix)) {
          return line.substring(prefix.length());
        }
      }
      if (!s.process().isAlive()) {
        throw new IllegalStateException(s.name() + " exited early:\n" + tail(s.log()));
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        s.name() + " was not ready in " + timeout + ":\n" + tail(s.log()));
  }

  /** Stops every process: SIGTERM to all, SIGKILL to those still running after a grace period. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true) || started.isEmpty()) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>();
    for (Started s : started) {
      s.process().descendants().forEach(all::add);
      all.add(s.process().toHandle());
    }
    all.forEach(ProcessHandle::destroy);
    long end = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle p : all) {
      long left = Math.max(0, end - System.nanoTime());
      try {
        p.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception notYet) {
        out.printf("  %d did not stop in %s: killing it%n", p.pid(), GRACE);
        p.destroyForcibly();
      }
    }
    all.forEach(p -> p.onExit().join());
    String pids = all.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(" "));
    boolean none = all.stream().noneMatch(ProcessHandle::isAlive);
    out.printf(
        "stopped %d processes (pids %s): %s%n",
        all.size(), pids, none ? "none left running" : "SOME STILL RUNNING");
    out.flush();
  }

  /** A loopback port free right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static List<String> lines(Path log) {
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException | UncheckedIOException e) {
      return List.of(); // malformed input mid-write: read again next time
    }
  }

  static String tail(Path log) {
    List<String> lines = lines(log);
    return lines.subList(Math.max(0, lines.size() - 30), lines.size()).stream()
        .map(l -> "    | " + l)
        .collect(Collectors.joining("\n"));
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
