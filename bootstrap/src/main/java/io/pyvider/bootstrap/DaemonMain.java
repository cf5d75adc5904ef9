package io.pyvider.bootstrap;

import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.pyvider.adapters.crypto.Crypto;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.plugin.PluginServer;
import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.bootstrap.daemon.Daemon;
import io.pyvider.bootstrap.daemon.DaemonClient;
import io.pyvider.bootstrap.daemon.DaemonDirectory;
import io.pyvider.bootstrap.daemon.IdentityReserve;
import io.pyvider.bootstrap.daemon.PredecessorGate;
import io.pyvider.bootstrap.daemon.RunStarter;
import io.pyvider.bootstrap.daemon.SessionRequest;
import io.pyvider.bootstrap.daemon.SuccessorCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code --daemon DIR BUILD_KEY}: the per-user daemon the launcher starts when none answers. It prints
 * {@code ready PORT} on stdout once its files are in place (the launcher that started it waits for that line and is
 * then its first session), closes stdout, and serves until idle. Settings come from its own environment:
 * {@code PYVIDER_DAEMON_IDLE} (default 1h), {@code PYVIDER_DAEMON_MAX_SESSIONS} (default 32),
 * {@code PYVIDER_DAEMON_WARM_UP} (rounds per caller in each warm-up session, default 10; 0: no warm-up).
 */
final class DaemonMain {

  static final String DAEMON_FLAG = "--daemon";
  static final Duration DEFAULT_IDLE = Duration.ofHours(1);
  static final int DEFAULT_MAX_SESSIONS = 32;
  /**
   * Rounds per caller in each warm-up session: ten callers, ten calls a round, so about a thousand calls and one TLS
   * handshake a session, and a check for a waiting Terraform launch every ten calls of each caller. The warm-up runs
   * sessions until the JIT is quiet, only while no session is open (it competed with the first command's own calls
   * when it ran beside them: 1,151 plan tokens/s instead of 2,296).
   */
  static final int DEFAULT_WARM_UP_ROUNDS = 10;
  private static final long WARM_UP_POLL_MILLIS = 250;

  private DaemonMain() {
  }

  static int run(List<String> arguments, PrintStream stdout) {
    Environment own = HostModule.processEnvironment();
    Clock clock = HostModule.systemClock();
    HcLog log = new HcLog(System.err, HcLog.parseLevel(own.get("PYVIDER_DAEMON_LOG").orElse("INFO")),
        "pyvider.daemon", clock);
    boolean successor = arguments.size() == 3 && arguments.get(2).equals(SuccessorCommand.SUCCESSOR_FLAG);
    if (arguments.size() != 2 && !successor) {
      System.err.println("usage: terraform-provider-pyvider --daemon DIRECTORY BUILD_KEY (the launcher starts it)");
      return 2;
    }
    Daemon.Settings settings;
    try {
      settings = new Daemon.Settings(DaemonDirectory.checked(Path.of(arguments.get(0))), arguments.get(1),
          duration(own.get("PYVIDER_DAEMON_IDLE").orElse(""), DEFAULT_IDLE),
          count(own.get("PYVIDER_DAEMON_MAX_SESSIONS").orElse(""), DEFAULT_MAX_SESSIONS));
    } catch (IOException | InvalidPathException unusable) {
      log.error("daemon refused to start", "reason", String.valueOf(unusable.getMessage()));
      return 1;
    }
    EventLoopGroup loops = PluginServer.sharedEventLoops();
    ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "session-tls-setup");
      thread.setDaemon(true);
      return thread;
    });
    // TLS work waits for netty's one-time TLS set-up, which runs on the second core while the daemon binds, publishes
    // its files and its first session wires itself (the direct start overlaps it the same way).
    Executor tlsSetup = work -> pool.execute(() -> {
      JvmSetup.initialiseNettyTls();
      work.run();
    });
    tlsSetup.execute(() -> { });
    IdentityReserve identities = new IdentityReserve(Crypto.certificateIssuer(clock), clock, tlsSetup);
    // Not filled now: the first session is the launch that started the daemon, and making spare identities would
    // compete with it for the second core. Its take refills the reserve for the launches after it.
    RunStarter starter = (request, stderr) -> start(request, stderr, clock, loops, tlsSetup, identities);
    Daemon daemon;
    Optional<DaemonClient.Published> predecessor = Optional.empty();
    try {
      if (successor) {
        predecessor = DaemonClient.published(settings.directory());
        if (predecessor.isEmpty()) {
          log.info("no daemon to take over from; exiting");
          return 0;
        }
        daemon = Daemon.startSuccessor(settings, starter, log);
      } else {
        daemon = Daemon.start(settings, starter, log);
      }
    } catch (IOException cannotListen) {
      log.error("daemon cannot listen", "reason", String.valueOf(cannotListen.getMessage()));
      return 1;
    }
    int warmUpRounds = count(own.get("PYVIDER_DAEMON_WARM_UP").orElse(""), DEFAULT_WARM_UP_ROUNDS, 0);
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    if (successor) {
      DaemonClient.Published replaced = predecessor.get();
      daemon.warmUpWith(mayGoOn -> takeOver(daemon, settings.directory(), replaced, log, warmUpRounds,
          PredecessorGate.of(mayGoOn, settings.directory(), replaced.port())));
    } else if (warmUpRounds > 0 && SuccessorCommand.compilesWithC1Only(jvmOptions)) {
      List<String> command = SuccessorCommand.of(ProcessHandle.current().info().command().orElse("java"),
          jvmOptions, jarPath(), settings.directory().path().toString(), settings.buildKey());
      daemon.warmUpWith(mayGoOn -> startSuccessor(command, log, mayGoOn));
    } else if (warmUpRounds > 0) {
      daemon.warmUpWith(mayGoOn -> {
        Trainer.warmUp(log, warmUpRounds, mayGoOn);
        return "done";
      });
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> daemon.stopAndAwait(Duration.ofSeconds(2)),
        "daemon-shutdown"));
    if (!successor) {
      stdout.println("ready " + daemon.port());
      stdout.flush();
    }
    stdout.close(); // the launcher's pipe: it must not stay open for the daemon's whole life
    daemon.serve();
    loops.shutdownGracefully();
    return 0;
  }

  /**
   * The first daemon's warm-up: it runs C1 only (so the launch that starts it costs what a direct start costs), and
   * once no session is open it starts the daemon that will take over, with the full tiered compiler. Returns the
   * state {@code daemon status} shows.
   */
  private static String startSuccessor(List<String> command, HcLog log, Daemon.WarmUpGate mayGoOn)
      throws InterruptedException {
    while (!mayGoOn.open()) {
      Thread.sleep(WARM_UP_POLL_MILLIS);
    }
    try {
      Process started = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.INHERIT) // this daemon's log
          .start();
      log.info("successor started: it takes over once warmed up", "successor_pid", String.valueOf(started.pid()));
      return "successor";
    } catch (IOException cannotStart) {
      log.warn("successor could not start; this daemon serves on", "reason", String.valueOf(cannotStart.getMessage()));
      return "failed";
    }
  }

  /**
   * A successor's warm-up: warms its JIT while the daemon it replaces is quiet, then publishes its port (launches come
   * here from then on) and asks that daemon to stop, which lets its open sessions finish. Gives up, and stops, when
   * that daemon went away first (stopped by the user, or idle): nothing is left to take over.
   */
  private static String takeOver(Daemon daemon, DaemonDirectory directory, DaemonClient.Published replaced,
      HcLog log, int warmUpRounds, Daemon.WarmUpGate mayGoOn) throws InterruptedException {
    try {
      Trainer.warmUp(log, warmUpRounds, mayGoOn);
      Optional<DaemonClient.Published> now = DaemonClient.published(directory);
      if (now.isEmpty() || now.get().pid() != replaced.pid()) {
        throw new Daemon.WarmUpAbandoned("the port file no longer names the daemon to take over");
      }
      daemon.publish();
    } catch (Daemon.WarmUpAbandoned | IOException gone) {
      log.info("not taking over", "reason", String.valueOf(gone.getMessage()));
      daemon.stop("nothing to take over");
      return "abandoned";
    }
    // Published: this daemon serves from now on, whatever the old one answers.
    try {
      DaemonClient.request(directory, replaced.port(), "stop");
    } catch (IOException unconfirmed) {
      log.warn("the replaced daemon did not confirm its stop", "reason", String.valueOf(unconfirmed.getMessage()));
    }
    log.info("took over from the C1 daemon", "replaced_pid", String.valueOf(replaced.pid()));
    return "done";
  }

  /** Where this code runs from: the jar the launcher named. */
  private static String jarPath() {
    try {
      return Path.of(DaemonMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException | RuntimeException unknown) {
      return "terraform-provider-pyvider.jar";
    }
  }

  private static RunStarter.Run start(SessionRequest request, PrintStream stderr, Clock clock, EventLoopGroup loops,
      Executor tlsSetup, IdentityReserve identities) {
    Path cwd;
    try {
      cwd = Path.of(request.workingDirectory());
    } catch (InvalidPathException invalid) {
      cwd = null;
    }
    if (cwd == null || !cwd.isAbsolute()) {
      stderr.println("terraform-provider-pyvider: the launcher sent no usable working directory");
      return RunStarter.Run.refused(1);
    }
    ProviderRun.Start start = ProviderRun.start(new ProviderRun.Inputs(Environment.of(request.environment()), cwd,
        clock, stderr, false, loops, tlsSetup, identities));
    if (start instanceof ProviderRun.Refused refused) {
      return RunStarter.Run.refused(refused.exitCode());
    }
    ProviderRun.Serving serving = (ProviderRun.Serving) start;
    return new RunStarter.Run() {
      @Override
      public String handshakeLine() {
        return serving.handshakeLine();
      }

      @Override
      public int refusedExitCode() {
        return 0;
      }

      @Override
      public void awaitTermination() throws InterruptedException {
        serving.run().awaitTermination();
      }

      @Override
      public void stop() {
        serving.run().stop();
      }
    };
  }

  /** "90" (seconds), "500ms", "30s", "15m", "1h"; the default for anything else. */
  static Duration duration(String text, Duration fallback) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.endsWith("ms")) {
        return positive(Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))), fallback);
      }
      char unit = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
      String number = Character.isDigit(unit) ? value : value.substring(0, Math.max(0, value.length() - 1));
      long amount = Long.parseLong(number);
      return positive(switch (unit) {
        case 'h' -> Duration.ofHours(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 's' -> Duration.ofSeconds(amount);
        default -> Character.isDigit(unit) ? Duration.ofSeconds(amount) : Duration.ZERO;
      }, fallback);
    } catch (NumberFormatException | ArithmeticException unreadable) {
      return fallback;
    }
  }

  private static Duration positive(Duration duration, Duration fallback) {
    return duration.isNegative() || duration.isZero() ? fallback : duration;
  }

  static int count(String text, int fallback) {
    return count(text, fallback, 1);
  }

  /** A whole number from {@code minimum} to 1024; the fallback for anything else. */
  static int count(String text, int fallback, int minimum) {
    try {
      int value = Integer.parseInt(text.trim());
      return value >= minimum && value <= 1024 ? value : fallback;
    } catch (NumberFormatException unreadable) {
      return fallback;
    }
  }
}
