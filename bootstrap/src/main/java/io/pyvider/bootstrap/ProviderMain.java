package io.pyvider.bootstrap;

import io.grpc.BindableService;
import io.pyvider.adapters.grpc.plugin.Handshake;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.plugin.PluginEnvironment;
import io.pyvider.adapters.grpc.plugin.PluginServer;
import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The entry point Terraform executes. With go-plugin's magic cookie it serves the provider; {@code -debug} serves it
 * for a debugger to attach (Terraform reattaches); {@code --train} exercises the start-up path once to build the JVM's
 * class-data archive. Any other command line ({@code doctor}, {@code tokens audit}, {@code --help}, ...) is the
 * operations CLI, which is loaded only then.
 */
public final class ProviderMain {

  static final String PROVIDER_ADDRESS = "registry.terraform.io/provide-io/pyvider";

  /** First arguments that keep the provider path: serve for a debugger, or train the class-data archive. */
  private static final Set<String> SERVE_FLAGS = Set.of("-debug", "--debug", "--train");

  private ProviderMain() {
  }

  public static void main(String[] args) {
    // Stdout belongs to the handshake line alone: keep the real stream, and point System.out at stderr.
    PrintStream stdout = System.out;
    System.setOut(System.err);
    List<String> arguments = List.of(args);
    int exitCode;
    if (isCliCommand(arguments)) {
      exitCode = CliMain.run(args, stdout);
    } else if (arguments.contains("--train")) {
      exitCode = Trainer.run();
    } else {
      exitCode = serve(HostModule.processEnvironment(), HostModule.systemClock(), arguments.contains("-debug")
          || arguments.contains("--debug"), stdout);
    }
    System.exit(exitCode);
  }

  /**
   * Whether the arguments are an operations command rather than Terraform's start (no arguments) or the provider's
   * own flags ({@code -debug}, {@code --debug}, {@code --train}, as the first argument): a command name,
   * {@code --help}, {@code -h}, {@code --version}, or anything else, which the CLI answers with a usage error.
   */
  static boolean isCliCommand(List<String> arguments) {
    return !arguments.isEmpty() && !SERVE_FLAGS.contains(arguments.get(0));
  }

  /** Serves one Terraform run; returns the process exit code. Also the entry for the test clock's launcher. */
  public static int serve(Environment environment, Clock clock, boolean debug, PrintStream stdout) {
    PluginEnvironment plugin = PluginEnvironment.read(environment);
    if (!debug && !plugin.cookieMatches()) {
      System.err.print(PluginEnvironment.NOT_A_COMMAND);
      return 1;
    }
    if (!debug && plugin.negotiatedVersion().isEmpty()) {
      System.err.println("terraform-provider-pyvider speaks plugin protocol 6 only; the client offered "
          + environment.get("PLUGIN_PROTOCOL_VERSIONS").orElse("none"));
      return 1;
    }
    long started = System.nanoTime();
    HcLog log = HcLog.forEnvironment(environment, System.err);
    ProviderComponent component = ProviderComponent.create(environment, clock, log);
    // Two cores, two independent halves of start-up: the certificate and TLS context on one, the provider service
    // (protobuf descriptors, schemas) on the other.
    CompletableFuture<PluginServer.Tls> tls = !debug && plugin.useTls()
        ? CompletableFuture.supplyAsync(() -> prepareTls(component, plugin), ProviderMain::startDaemon)
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
      }, List.of(provider), () -> running.get().stop());
    } catch (IOException | RuntimeException failed) {
      Throwable cause = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
      log.error("provider could not start", "error", String.valueOf(cause.getMessage()));
      System.err.println("terraform-provider-pyvider: cannot start: " + cause.getMessage());
      return 1;
    }
    PluginServer.Tls ready = tls.join();
    long certified = tlsReady[0];
    running.set(server);
    if (debug) {
      printReattachInstructions(stdout, server.port());
    } else {
      stdout.println(Handshake.line(6, "127.0.0.1", server.port(), ready == null ? null : ready.certificate()));
      stdout.flush();
      ignoreInterrupts();
    }
    long serving = System.nanoTime();
    log.info("provider serving", "port", String.valueOf(server.port()), "tls", String.valueOf(ready != null),
        "wiring_ms", millis(wired - started), "tls_wait_ms", millis(certified - wired),
        "server_ms", millis(serving - certified));
    component.keyRing().takeFirstRunNotice().ifPresent(notice -> log.warn(notice));
    try {
      server.awaitTermination();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    component.keyRing().takeFirstRunNotice().ifPresent(notice -> log.warn(notice));
    log.debug("provider stopped");
    return 0;
  }

  private static PluginServer.Tls prepareTls(ProviderComponent component, PluginEnvironment plugin) {
    try {
      return PluginServer.tls(component.certificateIssuer().issueSelfSigned(),
          plugin.clientCertificatePem().orElseThrow());
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  private static void startDaemon(Runnable work) {
    Thread thread = new Thread(work, "tls-setup");
    thread.setDaemon(true);
    thread.start();
  }

  private static String millis(long nanos) {
    return String.valueOf(nanos / 1_000_000);
  }

  private static void printReattachInstructions(PrintStream stdout, int port) {
    long pid = ProcessHandle.current().pid();
    String json = "{\"" + PROVIDER_ADDRESS + "\":{\"Protocol\":\"grpc\",\"ProtocolVersion\":6,\"Pid\":" + pid
        + ",\"Test\":true,\"Addr\":{\"Network\":\"tcp\",\"String\":\"127.0.0.1:" + port + "\"}}}";
    stdout.println("Provider started. To attach Terraform CLI, set the TF_REATTACH_PROVIDERS environment variable "
        + "with the following:\n\n\tTF_REATTACH_PROVIDERS='" + json + "'\n");
    stdout.flush();
  }

  /** go-plugin servers ignore SIGINT: Terraform handles Ctrl-C itself and sends StopProvider. */
  @SuppressWarnings("removal")
  private static void ignoreInterrupts() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
    } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
      // Not every platform lets us; Terraform still stops us through the controller.
    }
  }
}
