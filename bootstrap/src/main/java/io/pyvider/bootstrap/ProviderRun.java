package io.pyvider.bootstrap;

import io.grpc.BindableService;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.pyvider.adapters.grpc.plugin.Handshake;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.plugin.PluginEnvironment;
import io.pyvider.adapters.grpc.plugin.PluginServer;
import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.port.out.CertificateIssuer;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Terraform run of the provider: an object graph built from that run's environment and working directory, its own
 * TLS identity trusting its {@code PLUGIN_CLIENT_CERT}, and its own gRPC server within its port range. The direct start
 * serves one run per process; the daemon serves one per launcher connection. Nothing here is process-wide.
 */
public final class ProviderRun {

  /** What one run is started from; {@code sharedEventLoops} null means the server owns its loops. */
  public record Inputs(Environment environment, Path workingDirectory, Clock clock, PrintStream stderr,
      boolean debug, EventLoopGroup sharedEventLoops, Executor tlsExecutor, CertificateIssuer serverIdentities) {

    /** The direct start: the run's own graph issues the server certificate. */
    public Inputs(Environment environment, Path workingDirectory, Clock clock, PrintStream stderr, boolean debug,
        Executor tlsExecutor) {
      this(environment, workingDirectory, clock, stderr, debug, null, tlsExecutor, null);
    }
  }

  /** The outcome of starting: serving with a handshake line, or refused with a message already on stderr. */
  public sealed interface Start permits Serving, Refused {
  }

  public record Serving(ProviderRun run, String handshakeLine) implements Start {
  }

  public record Refused(int exitCode) implements Start {
  }

  private final ProviderComponent component;
  private final PluginServer server;
  private final HcLog log;

  private ProviderRun(ProviderComponent component, PluginServer server, HcLog log) {
    this.component = component;
    this.server = server;
    this.log = log;
  }

  /** Checks go-plugin's environment, wires the provider and starts its server; never throws for bad input. */
  public static Start start(Inputs inputs) {
    Environment environment = inputs.environment();
    PrintStream stderr = inputs.stderr();
    PluginEnvironment plugin = PluginEnvironment.read(environment);
    if (!inputs.debug() && !plugin.cookieMatches()) {
      stderr.print(PluginEnvironment.NOT_A_COMMAND);
      stderr.flush();
      return new Refused(1);
    }
    if (!inputs.debug() && plugin.portProblem().isPresent()) {
      stderr.println("terraform-provider-pyvider: " + plugin.portProblem().get());
      stderr.flush();
      return new Refused(1);
    }
    if (!inputs.debug() && plugin.negotiatedVersion().isEmpty()) {
      stderr.println("terraform-provider-pyvider speaks plugin protocol 6 only; the client offered "
          + environment.get("PLUGIN_PROTOCOL_VERSIONS").orElse("none"));
      stderr.flush();
      return new Refused(1);
    }
    long started = System.nanoTime();
    HcLog log = HcLog.forEnvironment(environment, stderr, inputs.clock());
    ProviderComponent component = ProviderComponent.create(environment,
        HostModule.workingDirectory(inputs.workingDirectory()), inputs.clock(), log);
    // Two cores, two independent halves of start-up: the certificate and TLS context on one, the provider service
    // (protobuf descriptors, schemas) on the other.
    CompletableFuture<PluginServer.Tls> tls = !inputs.debug() && plugin.useTls()
        ? CompletableFuture.supplyAsync(() -> prepareTls(inputs.serverIdentities() != null
            ? inputs.serverIdentities() : component.certificateIssuer(), plugin), inputs.tlsExecutor())
        : CompletableFuture.completedFuture(null);
    BindableService provider = component.terraformProviderService();
    long wired = System.nanoTime();
    AtomicReference<PluginServer> running = new AtomicReference<>();
    long[] tlsReady = new long[1];
    PluginServer server;
    try {
      server = PluginServer.start(plugin, () -> {
        PluginServer.Tls ready = tls.join();
        tlsReady[0] = System.nanoTime();
        return ready;
      }, List.of(provider), () -> running.get().stop(), inputs.sharedEventLoops());
    } catch (IOException | RuntimeException failed) {
      Throwable cause = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
      log.error("provider could not start", "error", String.valueOf(cause.getMessage()));
      stderr.println("terraform-provider-pyvider: cannot start: " + cause.getMessage());
      stderr.flush();
      return new Refused(1);
    }
    running.set(server);
    PluginServer.Tls ready = tls.join();
    ProviderRun run = new ProviderRun(component, server, log);
    long serving = System.nanoTime();
    log.info("provider serving", "port", String.valueOf(server.port()), "tls", String.valueOf(ready != null),
        "wiring_ms", millis(wired - started), "tls_wait_ms", millis(tlsReady[0] - wired),
        "server_ms", millis(serving - tlsReady[0]));
    component.keyRing().takeKeyNotices().ifPresent(notice -> log.warn(notice));
    String line = Handshake.line(6, "127.0.0.1", server.port(), ready == null ? null : ready.certificate());
    return new Serving(run, line);
  }

  private static PluginServer.Tls prepareTls(CertificateIssuer identities, PluginEnvironment plugin) {
    try {
      return PluginServer.tls(identities.issueSelfSigned(),
          plugin.clientCertificatePem().orElseThrow());
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  public int port() {
    return server.port();
  }

  /** This run's pool for calls that wait on the host (for tests: it must end with the run). */
  ExecutorService hostWork() {
    return component.hostWork();
  }

  /** Until GRPCController.Shutdown (or {@link #stop()}) has stopped the server. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
    component.hostWork().shutdownNow(); // nothing of a run outlives it, not even an idle thread
    component.keyRing().takeKeyNotices().ifPresent(notice -> log.warn(notice));
    log.debug("provider stopped");
  }

  /** Ends the run now: in-flight RPCs are cancelled (Terraform went away). */
  public void stop() {
    server.stop();
    component.hostWork().shutdownNow();
  }

  private static String millis(long nanos) {
    return String.valueOf(nanos / 1_000_000);
  }
}
