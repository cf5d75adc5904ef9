package io.pyvider.bootstrap.daemon;

import io.pyvider.adapters.grpc.plugin.HcLog;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The per-user provider daemon: a warm JVM that serves every launch of one build, one session per launcher
 * connection. It listens on 127.0.0.1 only, answers only launchers that can read its owner-only auth file, gives each
 * session an object graph of its own (so a session's failure, secrets or working directory never reach another), and
 * exits after a quiet period without sessions. Its log never holds a session's environment.
 */
public final class Daemon {

  /** How the daemon runs: where its files live, which build it serves, when it gives up. */
  public record Settings(DaemonDirectory directory, String buildKey, Duration idleTimeout, int maxSessions) {
  }

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration QUIET_BEFORE_SHRINKING = Duration.ofSeconds(5);

  private final Settings settings;
  private final RunStarter starter;
  private final HcLog log;
  private final DaemonAuth auth;
  private final ServerSocket listener;
  private final long pid = ProcessHandle.current().pid();
  private final long startedNanos = System.nanoTime();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong served = new AtomicLong();
  private final AtomicLong lastActivityNanos = new AtomicLong(System.nanoTime());
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicBoolean warmedUp = new AtomicBoolean();
  private final AtomicReference<String> warmUpState = new AtomicReference<>("none");
  private volatile boolean published;
  private final AtomicLong shrunkAfter = new AtomicLong();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicInteger connections = new AtomicInteger();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "daemon-idle");
    thread.setDaemon(true);
    return thread;
  });
  private WarmUp warmUp = mayGoOn -> "done";

  /**
   * The daemon's warm-up: exercises the request path so the JIT compiles it before Terraform's calls need it. It asks
   * {@code mayGoOn} before each piece of work and waits (or stops) while that says no: a session is open.
   */
  @FunctionalInterface
  public interface WarmUp {
    /** Returns the state {@code daemon status} shows afterwards: "done", or "successor" once one took it over. */
    String run(WarmUpGate mayGoOn) throws InterruptedException;
  }

  /** Whether the warm-up may do its next piece of work now. */
  @FunctionalInterface
  public interface WarmUpGate {
    /** Throws {@link WarmUpAbandoned} when the warm-up has no reason to go on at all. */
    boolean open();
  }

  /** The warm-up is pointless now (the daemon a successor was warming up to replace is gone). */
  public static final class WarmUpAbandoned extends RuntimeException {
    public WarmUpAbandoned(String why) {
      super(why, null, false, false);
    }
  }

  /** How long no session may have been open before the warm-up works: Terraform's launches of one command follow
   * one another within tens of milliseconds, so a second of quiet means the command is over. */
  static final Duration QUIET_BEFORE_WARMING = Duration.ofSeconds(1);

  private Daemon(Settings settings, RunStarter starter, HcLog log, DaemonAuth auth, ServerSocket listener) {
    this.settings = settings;
    this.starter = starter;
    this.log = log;
    this.auth = auth;
    this.listener = listener;
  }

  /** Binds 127.0.0.1 on a free port and publishes the auth and port files, in that order. */
  public static Daemon start(Settings settings, RunStarter starter, HcLog log) throws IOException {
    Daemon daemon = new Daemon(settings, starter, log, DaemonAuth.generate(new SecureRandom()), bindLoopback());
    daemon.settings.directory().writePrivate(DaemonDirectory.AUTH_FILE, daemon.auth.fileContent());
    daemon.publish();
    return daemon;
  }

  /**
   * A daemon that is to take over from the one now serving {@code settings}' directory: binds, but publishes nothing
   * until {@link #publish()}; answers with the running daemon's auth secret, so a launcher that read the auth file
   * before the port file was replaced still proves either daemon. Fails when no daemon serves the directory.
   */
  public static Daemon startSuccessor(Settings settings, RunStarter starter, HcLog log) throws IOException {
    String authFile = settings.directory().readPrivate(DaemonDirectory.AUTH_FILE)
        .orElseThrow(() -> new IOException("no daemon to take over from: its auth file is gone"));
    DaemonAuth auth;
    try {
      auth = DaemonAuth.parse(authFile);
    } catch (IllegalArgumentException malformed) {
      throw new IOException("the running daemon's auth file is malformed");
    }
    return new Daemon(settings, starter, log, auth, bindLoopback());
  }

  /** Writes the port file: from now on launchers come here, and the idle timeout counts from now. */
  public void publish() throws IOException {
    settings.directory().writePrivate(DaemonDirectory.PORT_FILE, listener.getLocalPort() + " " + pid + "\n");
    lastActivityNanos.set(System.nanoTime());
    published = true;
  }

  private static ServerSocket bindLoopback() throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    return listener;
  }

  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Runs once, on its own thread, from the first session's handshake line (or 2 s after start when none came). It
   * works only while no session is open (see {@link #warmUpMayGoOn}): compiling the request path takes the optimising
   * compiler tens of seconds of CPU, which must not come out of a Terraform command's time.
   */
  public void warmUpWith(WarmUp exercise) {
    this.warmUp = exercise;
    warmUpState.set("pending");
  }

  /** True when no session is open and none has been for {@link #QUIET_BEFORE_WARMING}; false once stopping. */
  boolean warmUpMayGoOn() {
    return !stopping.get() && open.get() == 0
        && System.nanoTime() - lastActivityNanos.get() >= QUIET_BEFORE_WARMING.toNanos();
  }

  /** Accepts sessions until stopped (by {@code daemon stop}, the idle timeout or a signal); then cleans up. */
  public void serve() {
    long period = Math.max(100, Math.min(10_000, settings.idleTimeout().toMillis() / 10));
    timer.scheduleAtFixedRate(this::stopIfIdle, period, period, TimeUnit.MILLISECONDS);
    timer.schedule(this::warmUpOnce, 2, TimeUnit.SECONDS);
    log.info("daemon serving", "port", String.valueOf(port()), "pid", String.valueOf(pid),
        "idle_timeout_s", String.valueOf(settings.idleTimeout().toSeconds()));
    while (!stopping.get()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException closed) {
        break;
      }
      Thread thread = new Thread(() -> handle(socket), "daemon-connection-" + connections.incrementAndGet());
      thread.setDaemon(true);
      thread.start();
    }
    awaitOpenSessions();
    cleanUp();
    stopped.countDown();
  }

  /** Stops accepting; open sessions may finish (up to a grace period). Idempotent. */
  public void stop(String why) {
    if (stopping.compareAndSet(false, true)) {
      log.info("daemon stopping", "reason", why, "sessions_open", String.valueOf(open.get()));
      settings.directory().removePortFileOf(listener.getLocalPort(), pid);
      try {
        listener.close();
      } catch (IOException alreadyClosed) {
        // Nothing to release.
      }
    }
  }

  /** For a JVM shutdown hook: stop, and wait briefly for the files to be removed. */
  public void stopAndAwait(Duration timeout) {
    stop("signal");
    try {
      stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopIfIdle() {
    if (!published) {
      return; // a successor still warming up: its warm-up ends it if the daemon it would replace goes away
    }
    long quietNanos = System.nanoTime() - lastActivityNanos.get();
    if (open.get() == 0 && quietNanos >= settings.idleTimeout().toNanos()) {
      stop("idle for " + settings.idleTimeout().toSeconds() + " s");
    } else if (open.get() == 0 && quietNanos >= QUIET_BEFORE_SHRINKING.toNanos()
        && shrunkAfter.getAndSet(lastActivityNanos.get()) != lastActivityNanos.get()) {
      // Between Terraform commands the daemon only waits: give the heap its sessions grew back to the system (the
      // serial collector shrinks the heap on a full collection), so an idle daemon stays small.
      System.gc();
    }
  }

  private void awaitOpenSessions() {
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    while (open.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void cleanUp() {
    timer.shutdownNow();
    settings.directory().removePortFileOf(listener.getLocalPort(), pid);
    try {
      // The auth file goes last: a launcher that still read the old port finds no secret to answer with.
      if (settings.directory().readPrivate(DaemonDirectory.PORT_FILE).isEmpty()) {
        Files.deleteIfExists(settings.directory().path().resolve(DaemonDirectory.AUTH_FILE));
      }
    } catch (IOException unreadable) {
      // A newer daemon owns the directory now.
    }
    log.info("daemon stopped", "sessions_served", String.valueOf(served.get()));
  }

  private void handle(Socket socket) {
    try (socket) {
      socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
      socket.setTcpNoDelay(true);
      OutputStream raw = socket.getOutputStream();
      SessionOutput out = new SessionOutput(raw);
      LauncherWire wire = new LauncherWire(LauncherWire.acknowledging(socket.getInputStream(), raw));
      byte[] challenge = wire.readGreeting();
      synchronized (raw) {
        raw.write((auth.proof(challenge) + "\n").getBytes(StandardCharsets.US_ASCII));
        raw.flush();
      }
      if (!auth.acceptsToken(wire.readField())) {
        log.warn("refused a connection: wrong token");
        out.refuse("unauthorized");
        return;
      }
      String verb = wire.readField();
      switch (verb) {
        case "session" -> session(socket, socket.getInputStream(), out, wire.readSession());
        case "status" -> out.answer(status());
        case "stop" -> {
          // The answer first: once stopped, a daemon with no session open may exit before this thread writes.
          out.answer("{\"stopping\":true,\"sessions_open\":" + open.get() + "}");
          stop("daemon stop");
        }
        default -> out.refuse("unknown request");
      }
    } catch (LauncherWire.ProtocolException | EOFException | SocketTimeoutException malformed) {
      log.warn("dropped a connection", "reason", String.valueOf(malformed.getMessage()));
    } catch (IOException gone) {
      log.debug("connection closed", "reason", String.valueOf(gone.getMessage()));
    } catch (RuntimeException | Error failed) {
      // A session that throws ends alone; the daemon and the other sessions go on.
      log.error("session failed", "error", failed.getClass().getName());
    }
  }

  private void session(Socket socket, InputStream in, SessionOutput out, SessionRequest request)
      throws IOException {
    if (!request.buildKey().equals(settings.buildKey())) {
      out.refuse("another build");
      return;
    }
    if (!request.arguments().isEmpty()) {
      out.refuse("only Terraform's start is served here");
      return;
    }
    if (stopping.get()) {
      out.refuse("stopping");
      return;
    }
    if (open.incrementAndGet() > settings.maxSessions()) {
      open.decrementAndGet();
      log.warn("session refused: at the bound", "max_sessions", String.valueOf(settings.maxSessions()));
      out.refuse("busy");
      return;
    }
    long id = served.incrementAndGet();
    long begun = System.nanoTime();
    AtomicBoolean finished = new AtomicBoolean();
    try {
      socket.setSoTimeout(0);
      RunStarter.Run run;
      try {
        run = starter.start(request, out.stderr());
      } catch (RuntimeException | Error failed) {
        log.error("session could not start", "session", String.valueOf(id), "error", failed.getClass().getName());
        out.stderr().println("terraform-provider-pyvider: the daemon could not start this run; see its log");
        out.exit(1);
        return;
      }
      if (run.handshakeLine() == null) {
        out.exit(run.refusedExitCode());
        return;
      }
      out.handshake(run.handshakeLine());
      log.debug("session serving", "session", String.valueOf(id),
          "handshake_ms", String.valueOf((System.nanoTime() - begun) / 1_000_000));
      if (warmedUp.compareAndSet(false, true)) {
        startWarmUp();
      }
      Thread watcher = new Thread(() -> {
        try {
          while (in.read() >= 0) {
            // The launcher sends nothing after its request; this only waits for it to go away.
          }
        } catch (IOException closed) {
          // Same as end of stream.
        }
        if (!finished.get()) {
          log.info("launcher went away; ending its session", "session", String.valueOf(id));
          run.stop();
        }
      }, "daemon-session-" + id + "-watch");
      watcher.setDaemon(true);
      watcher.start();
      try {
        run.awaitTermination();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        run.stop();
      }
      finished.set(true);
      out.exit(0);
    } finally {
      open.decrementAndGet();
      lastActivityNanos.set(System.nanoTime());
      log.debug("session ended", "session", String.valueOf(id),
          "duration_ms", String.valueOf((System.nanoTime() - begun) / 1_000_000));
    }
  }

  private void warmUpOnce() {
    if (warmedUp.compareAndSet(false, true)) {
      startWarmUp();
    }
  }

  private void startWarmUp() {
    Thread thread = new Thread(() -> {
      warmUpState.compareAndSet("pending", "running");
      try {
        warmUpState.compareAndSet("running", warmUp.run(this::warmUpMayGoOn));
      } catch (InterruptedException stopped) {
        warmUpState.compareAndSet("running", "stopped");
      } catch (RuntimeException | Error failed) {
        warmUpState.compareAndSet("running", "failed");
        log.warn("warm-up failed", "error", failed.getClass().getName());
      }
    }, "daemon-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  String status() {
    long uptime = (System.nanoTime() - startedNanos) / 1_000_000_000L;
    return "{\"pid\":" + pid + ",\"port\":" + port() + ",\"uptime_s\":" + uptime + ",\"build_key\":\""
        + settings.buildKey() + "\",\"sessions_served\":" + served.get() + ",\"sessions_open\":" + open.get()
        + ",\"max_sessions\":" + settings.maxSessions() + ",\"warm_up\":\"" + warmUpState.get() + "\""
        + ",\"idle_timeout_s\":" + settings.idleTimeout().toSeconds()
        + ",\"rss_kb\":" + residentKilobytes() + ",\"directory\":\"" + jsonPath(settings.directory().path()) + "\"}";
  }

  private static String jsonPath(Path path) {
    return path.toString().replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** VmRSS from /proc where there is one (Linux); -1 elsewhere. */
  static long residentKilobytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException unavailable) {
      // Not Linux, or /proc hidden.
    }
    return -1;
  }
}
