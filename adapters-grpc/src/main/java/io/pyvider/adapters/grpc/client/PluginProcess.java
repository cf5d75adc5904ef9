package io.pyvider.adapters.grpc.client;

import io.pyvider.adapters.grpc.plugin.PluginEnvironment;
import io.pyvider.application.port.out.TlsIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A provider process started the way go-plugin starts it for Terraform: the magic cookie, protocol versions 5 and 6,
 * Terraform's port range and a client certificate in the environment; the first stdout line is the handshake, later
 * stdout is drained, stderr is kept (last lines) for diagnosis. {@link #kill()} is go-plugin's Kill().
 */
public final class PluginProcess implements AutoCloseable {

  private static final int STDERR_LINES_KEPT = 400;

  private final Process process;
  private final PluginClient client;
  private final Deque<String> stderrTail;
  private final Duration startup;

  private PluginProcess(Process process, PluginClient client, Deque<String> stderrTail, Duration startup) {
    this.process = process;
    this.client = client;
    this.stderrTail = stderrTail;
    this.startup = startup;
  }

  /** Starts {@code command} with go-plugin's environment on top of {@code environment}, and connects to it. */
  public static PluginProcess launch(List<String> command, Map<String, String> environment, TlsIdentity client,
      Duration startTimeout) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.putAll(environment);
    env.put(PluginEnvironment.COOKIE_KEY, PluginEnvironment.COOKIE_VALUE);
    env.put("PLUGIN_PROTOCOL_VERSIONS", "6,5");
    env.putIfAbsent("PLUGIN_MIN_PORT", "10000");
    env.putIfAbsent("PLUGIN_MAX_PORT", "25000");
    if (client != null) {
      env.put("PLUGIN_CLIENT_CERT", pem(client));
    }
    long started = System.nanoTime();
    Process process = builder.start();
    Deque<String> tail = new ArrayDeque<>();
    drain(process.getErrorStream(), tail, "plugin-stderr");
    CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> readFirstLine(process.getInputStream()));
    String line;
    try {
      line = firstLine.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException | InterruptedException failed) {
      process.destroyForcibly();
      throw new IOException("no handshake from the provider within " + startTimeout.toSeconds() + " s; stderr: "
          + String.join("\n", snapshot(tail)), failed);
    }
    if (line == null) {
      waitQuietly(process);
      throw new IOException("the provider exited (code " + exitCodeOf(process) + ") before the handshake; stderr: "
          + String.join("\n", snapshot(tail)));
    }
    Duration startup = Duration.ofNanos(System.nanoTime() - started);
    drain(process.getInputStream(), new ArrayDeque<>(), "plugin-stdout");
    PluginClient connected = PluginClient.connect(PluginClient.HandshakeLine.parse(line), client);
    return new PluginProcess(process, connected, tail, startup);
  }

  public PluginClient client() {
    return client;
  }

  public Process process() {
    return process;
  }

  /** Time from exec to the handshake line. */
  public Duration startup() {
    return startup;
  }

  public List<String> stderrTail() {
    return snapshot(stderrTail);
  }

  /** go-plugin's Kill(): Shutdown over gRPC, 2 s grace, then a forced kill. Returns how long the exit took. */
  public Duration kill() {
    long started = System.nanoTime();
    client.requestShutdown();
    client.close();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /** The certificate as PEM, the form PLUGIN_CLIENT_CERT carries. */
  public static String pem(TlsIdentity identity) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(identity.certificate().getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException impossible) {
      throw new IllegalStateException("client certificate cannot be encoded", impossible);
    }
  }

  private static String readFirstLine(InputStream stdout) {
    try {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = stdout.read()) != -1 && c != '\n') {
        line.append((char) c);
      }
      return c == -1 && line.length() == 0 ? null : line.toString();
    } catch (IOException closed) {
      return null;
    }
  }

  private static void drain(InputStream stream, Deque<String> tail, String name) {
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > STDERR_LINES_KEPT) {
              tail.removeFirst();
            }
          }
        }
      } catch (IOException closed) {
        // The process ended.
      }
    }, name);
    reader.setDaemon(true);
    reader.start();
  }

  private static List<String> snapshot(Deque<String> tail) {
    synchronized (tail) {
      return new ArrayList<>(tail);
    }
  }

  private static void waitQuietly(Process process) {
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static String exitCodeOf(Process process) {
    return process.isAlive() ? "still running" : String.valueOf(process.exitValue());
  }
}
