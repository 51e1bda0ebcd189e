package dev.faultline.http;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js service in the module's {@code src/test/node} (fastify here, @grpc/grpc-js in
 * faultline-grpc, which uses this class from this module's test jar), run as a real {@code node}
 * process on 127.0.0.1. Installs its npm packages ({@code npm ci}) when they are missing; fails
 * with a clear message when node or npm is not installed: a peer is part of the suite, never
 * skipped.
 */
public final class NodePeer implements AutoCloseable {
  private static final long INSTALL_MINUTES = 5;
  private final Process process;
  private final int port;

  private NodePeer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Installs the packages if {@code node_modules/<mainPackage>} is missing, starts {@code node
   * server.js} and reads the port it prints.
   */
  public static NodePeer start(String mainPackage) throws IOException, InterruptedException {
    Path dir = directory();
    require("node");
    require("npm");
    if (!Files.isDirectory(dir.resolve("node_modules").resolve(mainPackage))) {
      run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), INSTALL_MINUTES);
    }
    Process process =
        new ProcessBuilder("node", "server.js")
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      return new NodePeer(process, readPort(process));
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The port the service listens on. */
  public int port() {
    return port;
  }

  /** An http URI of {@code path} on the service. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Stops the node process: politely first, then forcibly; never leaves it running. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int readPort(Process process) throws IOException, InterruptedException {
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return out.readLine();
              } catch (IOException e) {
                return null;
              }
            });
    try {
      String first = line.get(30, TimeUnit.SECONDS);
      if (first == null || !first.strip().matches("\\d{1,5}")) {
        throw new IOException("node server.js did not print its port; it printed: " + first);
      }
      return Integer.parseInt(first.strip());
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("node server.js did not print its port within 30 s", e);
    }
  }

  private static Path directory() {
    Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
    return base.resolve("src/test/node").toAbsolutePath().normalize();
  }

  private static void require(String tool) throws InterruptedException {
    try {
      run(directory(), List.of(tool, "--version"), 1);
    } catch (IOException e) {
      throw new IllegalStateException(
          tool
              + " is required by the Node.js peer tests (Node.js 20+ with npm) but is not usable: "
              + e.getMessage(),
          e);
    }
  }

  private static void run(Path dir, List<String> command, long minutes)
      throws IOException, InterruptedException {
    File log = File.createTempFile("faultline-node", ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log)
            .start();
    try {
      if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        throw new IOException(String.join(" ", command) + " did not finish in " + minutes + " min");
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            String.join(" ", command)
                + " failed in "
                + dir
                + ":\n"
                + Files.readString(log.toPath()));
      }
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(log.toPath());
    }
  }
}
