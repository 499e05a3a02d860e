package io.smartlists.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One reference-store node in a JVM of its own ({@code java -cp <the test classpath>
 * io.smartlists.demo.DemoStoreApplication}), on loopback, with a small heap, its output in {@code
 * target/multinode-<name>.log}. For the multi-node harness: it can be killed like a crashed machine
 * ({@link #kill()}, {@code kill -9}) and started again on the same port.
 */
final class StoreNode {

  private final String name;
  private final int port;
  private final List<String> properties;
  private final Path log;
  private @Nullable Process process;

  StoreNode(String name, List<String> properties) {
    this.name = name;
    this.port = freePort();
    this.properties = List.copyOf(properties);
    this.log = Path.of("target", "multinode-" + name + ".log");
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  /**
   * Starts the JVM and waits until {@code productPage} answers with a widget that shows products
   * (the signals were rebuilt from the shipped history).
   */
  void start(Duration timeout, Supplier<@Nullable String> productPage) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // small heap, quick start: the test checks behaviour, not speed
    command.add("-Xmx320m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DemoStoreApplication.class.getName());
    command.add("--server.address=127.0.0.1");
    command.add("--server.port=" + port);
    command.addAll(properties);
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.directory(new File(System.getProperty("user.dir")));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Process p = process;
      if (p == null || !p.isAlive()) {
        throw new AssertionError("node " + name + " exited while starting; see " + log);
      }
      String path = productPage.get();
      if (path != null && widgetShown(path)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("node " + name + " not ready within " + timeout + "; see " + log);
      }
      sleep(500);
    }
  }

  private boolean widgetShown(String productPage) {
    try {
      HttpResponse<String> r = get(productPage);
      return r.statusCode() == 200
          && WidgetMarkup.parse(r.body()).stream()
              .anyMatch(w -> w.slots().stream().anyMatch(s -> s.items().size() >= 4));
    } catch (IOException e) {
      return false;
    }
  }

  /** A plain GET without cookies. */
  HttpResponse<String> get(String path) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(30))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** {@code kill -9}: no shutdown hook, no graceful stop, open transactions cut off. */
  void kill() {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      waitFor(p);
    }
  }

  /** A graceful stop (SIGTERM). */
  void stop() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroy();
      if (!waitFor(p)) {
        p.destroyForcibly();
        waitFor(p);
      }
    }
  }

  private static boolean waitFor(Process p) {
    try {
      return p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
