package io.pyvider.bootstrap;

import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The entry point Terraform executes. With go-plugin's magic cookie it serves the provider; {@code -debug} serves it
 * for a debugger to attach (Terraform reattaches); {@code --train} exercises the start-up path once to build the JVM's
 * class-data archive; {@code --daemon DIR} is the per-user daemon that serves launches after the first. Any other command line ({@code doctor}, {@code tokens audit}, {@code --help}, ...) is the
 * operations CLI, which is loaded only then.
 */
public final class ProviderMain {

  static final String PROVIDER_ADDRESS = "registry.terraform.io/provide-io/pyvider";

  /** First arguments that keep the provider path: serve for a debugger, or train the class-data archive. */
  private static final Set<String> SERVE_FLAGS = Set.of("-debug", "--debug", "--train", DaemonMain.DAEMON_FLAG);

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
    } else if (!arguments.isEmpty() && arguments.get(0).equals(DaemonMain.DAEMON_FLAG)) {
      exitCode = DaemonMain.run(arguments.subList(1, arguments.size()), stdout);
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
    ProviderRun.Start start = ProviderRun.start(new ProviderRun.Inputs(environment, Path.of("").toAbsolutePath(),
        clock, System.err, debug, ProviderMain::onSecondCore));
    if (start instanceof ProviderRun.Refused refused) {
      return refused.exitCode();
    }
    ProviderRun.Serving serving = (ProviderRun.Serving) start;
    if (debug) {
      printReattachInstructions(stdout, serving.run().port());
    } else {
      stdout.println(serving.handshakeLine());
      stdout.flush();
      ignoreInterrupts();
    }
    try {
      serving.run().awaitTermination();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The TLS half of start-up, on its own thread, after netty's TLS is initialised without the CA bundle. */
  private static void onSecondCore(Runnable work) {
    Thread thread = new Thread(() -> {
      JvmSetup.initialiseNettyTls();
      work.run();
    }, "tls-setup");
    thread.setDaemon(true);
    thread.start();
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
