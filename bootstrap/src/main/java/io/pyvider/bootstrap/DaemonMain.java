package io.pyvider.bootstrap;

import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.pyvider.adapters.crypto.Crypto;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.plugin.PluginServer;
import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.bootstrap.daemon.Daemon;
import io.pyvider.bootstrap.daemon.DaemonDirectory;
import io.pyvider.bootstrap.daemon.IdentityReserve;
import io.pyvider.bootstrap.daemon.RunStarter;
import io.pyvider.bootstrap.daemon.SessionRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code --daemon DIR BUILD_KEY}: the per-user daemon the launcher starts when none answers. It prints
 * {@code ready PORT} on stdout once its files are in place (the launcher that started it waits for that line and is
 * then its first session), closes stdout, and serves until idle. Settings come from its own environment:
 * {@code PYVIDER_DAEMON_IDLE} (default 1h), {@code PYVIDER_DAEMON_MAX_SESSIONS} (default 32),
 * {@code PYVIDER_DAEMON_WARM_UP} (request rounds of the warm-up, default 30; 0: none).
 */
final class DaemonMain {

  static final String DAEMON_FLAG = "--daemon";
  static final Duration DEFAULT_IDLE = Duration.ofHours(1);
  static final int DEFAULT_MAX_SESSIONS = 32;
  /**
   * Request rounds per warm-up session: a few hundred calls and three handshakes carry the request and handshake paths
   * past C1's compile thresholds (a few hundred calls). More only competed with the first command's own calls: with
   * 150 rounds its second 200-token walk ran at 1,151 plan tokens/s, with none at 2,296.
   */
  static final int DEFAULT_WARM_UP_ROUNDS = 30;

  private DaemonMain() {
  }

  static int run(List<String> arguments, PrintStream stdout) {
    Environment own = HostModule.processEnvironment();
    Clock clock = HostModule.systemClock();
    HcLog log = new HcLog(System.err, HcLog.parseLevel(own.get("PYVIDER_DAEMON_LOG").orElse("INFO")),
        "pyvider.daemon", clock);
    if (arguments.size() != 2) {
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
    try {
      daemon = Daemon.start(settings, starter, log);
    } catch (IOException cannotListen) {
      log.error("daemon cannot listen", "reason", String.valueOf(cannotListen.getMessage()));
      return 1;
    }
    int warmUpRounds = count(own.get("PYVIDER_DAEMON_WARM_UP").orElse(""), DEFAULT_WARM_UP_ROUNDS, 0);
    if (warmUpRounds > 0) {
      daemon.warmUpWith(() -> Trainer.warmUp(log, warmUpRounds));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> daemon.stopAndAwait(Duration.ofSeconds(2)),
        "daemon-shutdown"));
    stdout.println("ready " + daemon.port());
    stdout.flush();
    stdout.close(); // the launcher's pipe: it must not stay open for the daemon's whole life
    daemon.serve();
    loops.shutdownGracefully();
    return 0;
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
