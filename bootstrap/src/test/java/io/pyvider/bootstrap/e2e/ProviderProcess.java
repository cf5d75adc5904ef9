package io.pyvider.bootstrap.e2e;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.pyvider.adapters.grpc.client.PluginClient;
import io.pyvider.adapters.grpc.proto.GRPCBrokerGrpc;
import io.pyvider.adapters.grpc.proto.GRPCStdioGrpc;
import io.pyvider.adapters.grpc.proto.GrpcBroker;
import io.pyvider.adapters.grpc.proto.GrpcStdio;
import io.pyvider.adapters.grpc.proto.ProviderGrpc;
import io.pyvider.application.port.out.TlsIdentity;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One provider process, started as go-plugin starts it (the cookie, PLUGIN_PROTOCOL_VERSIONS 5 and 6 in either
 * order, Terraform's port range, a fresh P-521 client certificate in PLUGIN_CLIENT_CERT), with its whole stdout and
 * stderr recorded. {@link #kill()} is go-plugin's Kill(): GRPCController.Shutdown, 2 s grace, then SIGKILL.
 */
final class ProviderProcess implements AutoCloseable {

  /** go-plugin's default StartTimeout: how long Terraform waits for the handshake line. */
  static final Duration START_TIMEOUT = Duration.ofMinutes(1);
  /** Safety net only (Terraform has none): no single RPC of these tests should ever get near it. */
  static final Duration RPC_DEADLINE = Duration.ofSeconds(90);
  private static final AtomicInteger STARTS = new AtomicInteger();
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
  }

  private final String label;
  private final Process process;
  private final TlsIdentity client;
  private final ProcessOutput output;
  private PluginClient plugin;
  private StreamObserver<GrpcBroker.ConnInfo> broker;
  private final List<String> stdio = new ArrayList<>();
  private boolean exitedGracefully;

  private ProviderProcess(String label, Process process, TlsIdentity client) {
    this.label = label;
    this.process = process;
    this.client = client;
    this.output = new ProcessOutput(label, process.getInputStream(), process.getErrorStream());
  }

  static ProviderProcess start(ProviderLaunch launch, String label) {
    TlsIdentity client = launch.fixedClient() != null ? launch.fixedClient() : GoPluginCertificates.terraformClient();
    ProcessBuilder builder = new ProcessBuilder(launch.command()).redirectInput(new File("/dev/null"));
    if (launch.directory() != null) {
      builder.directory(launch.directory().toFile());
    }
    Map<String, String> env = builder.environment();
    env.clear();
    env.put(ProviderLaunch.COOKIE_KEY, ProviderLaunch.COOKIE);
    // Go map iteration order: Terraform offers "5,6" or "6,5".
    env.put("PLUGIN_PROTOCOL_VERSIONS", STARTS.getAndIncrement() % 2 == 0 ? "5,6" : "6,5");
    env.put("PLUGIN_MIN_PORT", "10000");
    env.put("PLUGIN_MAX_PORT", "25000");
    env.put("PLUGIN_CLIENT_CERT", GoPluginCertificates.pem(client));
    env.putAll(launch.environment());
    launch.suppressed().forEach(env::remove);
    ProviderProcess started;
    try {
      started = new ProviderProcess(label, builder.start(), client);
    } catch (IOException cannotStart) {
      throw new UncheckedIOException("cannot start " + launch.command(), cannotStart);
    }
    LIVE.add(started.process);
    return started;
  }

  String label() {
    return label;
  }

  Process process() {
    return process;
  }

  /** The first stdout line, as go-plugin reads it (null when stdout closed without one). */
  String handshakeLine() {
    try {
      return output.firstLine(START_TIMEOUT);
    } catch (Exception failed) {
      throw new AssertionError(label + ": no handshake line within " + START_TIMEOUT.toSeconds() + " s" + stderrTail(),
          failed);
    }
  }

  /**
   * Reads the handshake and connects over mutual TLS with the client certificate from PLUGIN_CLIENT_CERT, then does
   * what go-plugin 1.7's client does on every connect: opens the broker stream (errors ignored) and the stdio stream
   * (Unimplemented tolerated), whose data Terraform would write to its log.
   */
  synchronized PluginClient connect() {
    if (plugin == null) {
      plugin = connectAs(client);
      io.grpc.Channel channel = plugin.provider().getChannel();
      broker = GRPCBrokerGrpc.newStub(channel).startStream(new Ignoring<>());
      GRPCStdioGrpc.newStub(channel).streamStdio(Empty.getDefaultInstance(), new Ignoring<>() {
        @Override
        public void onNext(GrpcStdio.StdioData data) {
          synchronized (stdio) {
            stdio.add(data.getChannel() + ": " + data.getData().toStringUtf8());
          }
        }
      });
    }
    return plugin;
  }

  /** What arrived over go-plugin's StreamStdio (Terraform logs it). */
  List<String> stdioStreamed() {
    synchronized (stdio) {
      return List.copyOf(stdio);
    }
  }

  /** A stream observer for go-plugin's side streams, whose failures go-plugin ignores. */
  private static class Ignoring<T> implements StreamObserver<T> {
    @Override
    public void onNext(T value) {
    }

    @Override
    public void onError(Throwable failure) {
    }

    @Override
    public void onCompleted() {
    }
  }

  /** Connects presenting another identity (null: no client certificate at all). */
  PluginClient connectAs(TlsIdentity identity) {
    String line = handshakeLine();
    if (line == null) {
      throw new AssertionError(label + ": the provider exited (" + exitDescription() + ") without a handshake"
          + stderrTail());
    }
    try {
      return PluginClient.connect(PluginClient.HandshakeLine.parse(line), identity);
    } catch (IOException bad) {
      throw new AssertionError(label + ": unusable handshake line " + line, bad);
    }
  }

  ProviderGrpc.ProviderBlockingStub provider() {
    return connect().provider().withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  TlsIdentity clientIdentity() {
    return client;
  }

  /** Waits for the process to end by itself; returns the exit code, or fails if it is still running. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(label + ": still running after " + timeout.toSeconds() + " s" + stderrTail());
      }
      output.awaitClosed(Duration.ofSeconds(10));
    } catch (Exception failed) {
      throw new AssertionError(label + ": waiting for the exit failed", failed);
    }
    return process.exitValue();
  }

  /** Everything printed on stdout after the first line (go-plugin drains and discards it). */
  List<String> stdoutAfterHandshake() {
    return output.laterStdout();
  }

  List<String> stderrLines() {
    return output.stderr();
  }

  String stderrTail() {
    List<String> lines = stderrLines();
    return "\n--- stderr of " + label + " (last lines) ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** go-plugin's Kill(): Shutdown over gRPC, close the connection, 2 s grace, then a forced kill. */
  void kill() {
    if (plugin != null) {
      try {
        broker.onCompleted(); // broker.Close()
      } catch (RuntimeException alreadyClosed) {
        // go-plugin ignores this too.
      }
      plugin.requestShutdown();
      plugin.close();
    }
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      exitedGracefully = process.waitFor(2, TimeUnit.SECONDS);
      if (!exitedGracefully) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      // go-plugin's Kill() also waits for the plugin's stdout and stderr to close: a process left holding them (a
      // daemon that inherited them) blocks Terraform, so that is no graceful exit either.
      try {
        output.awaitClosed(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      } catch (java.util.concurrent.TimeoutException held) {
        exitedGracefully = false;
        output.awaitClosed(Duration.ofSeconds(10));
      }
    } catch (Exception interruptedOrStuck) {
      process.destroyForcibly();
    } finally {
      LIVE.remove(process);
    }
  }

  /** Whether the last {@link #kill()} ended the process within go-plugin's 2 s grace period. */
  boolean exitedGracefully() {
    return exitedGracefully;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    } else if (plugin != null) {
      plugin.close();
    }
    LIVE.remove(process);
  }

  private String exitDescription() {
    return process.isAlive() ? "still running" : "exit code " + process.exitValue();
  }
}
