package io.pyvider.bootstrap;

import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

  /**
   * The launcher points the JVM's own stdout at stderr, because HotSpot writes a crash banner to descriptor 1 whatever
   * its flags say, and hands the handshake channel over as this descriptor number instead.
   */
  static final String HANDSHAKE_FD_PROPERTY = "pyvider.handshake.fd";

  /** Set when the launcher stays as this JVM's parent (to retry a start that crashed): its death ends the run. */
  static final String WATCH_PARENT_PROPERTY = "pyvider.watch.parent";

  private static final long PARENT_POLL_MILLIS = 200;

  private static volatile ProviderRun servingRun;

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
      boolean debug = arguments.contains("-debug") || arguments.contains("--debug");
      PrintStream handshake = debug ? stdout : handshakeChannel(System.getProperty(HANDSHAKE_FD_PROPERTY), stdout);
      if (Boolean.getBoolean(WATCH_PARENT_PROPERTY)) {
        watchParent();
      }
      exitCode = serve(HostModule.processEnvironment(), HostModule.systemClock(), debug, handshake);
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
    servingRun = serving.run();
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

  /**
   * The handshake channel: the launcher's descriptor {@code fd} when it names one that can be opened, else stdout. An
   * unusable value falls back to stdout, where a launcher that did not set it expects the line anyway.
   */
  static PrintStream handshakeChannel(String fd, PrintStream stdout) {
    if (fd == null || !fd.matches("[3-9]")) {
      return stdout;
    }
    try {
      return new PrintStream(new FileOutputStream("/dev/fd/" + fd), false, StandardCharsets.US_ASCII);
    } catch (IOException unusable) {
      // Under the launcher stdout is stderr, so say where the line went rather than claim Terraform will read it.
      System.err.println("terraform-provider-pyvider: handshake descriptor " + fd + " cannot be opened ("
          + unusable.getMessage() + "); the handshake line goes to standard output instead");
      return stdout;
    }
  }

  /**
   * Ends the run when the launcher that started this JVM dies (Terraform SIGKILLs the process it started, which is the
   * launcher here): this JVM is then re-parented, and must not outlive it holding Terraform's pipes.
   */
  private static void watchParent() {
    long launcher = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    Thread watcher = new Thread(() -> {
      while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == launcher) {
        try {
          Thread.sleep(PARENT_POLL_MILLIS);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
      ProviderRun run = servingRun;
      if (run != null) {
        run.stop();
      } else {
        Runtime.getRuntime().halt(1);
      }
    }, "launcher-watch");
    watcher.setDaemon(true);
    watcher.start();
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
