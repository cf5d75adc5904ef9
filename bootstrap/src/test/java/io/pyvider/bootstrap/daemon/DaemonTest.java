package io.pyvider.bootstrap.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.adapters.grpc.plugin.HcLog;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon on a real loopback socket, with runs scripted by the test: what a launcher sees on each path. */
class DaemonTest {

  @TempDir
  Path parent;
  private Daemon daemon;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.stopAndAwait(Duration.ofSeconds(5));
    }
  }

  private DaemonDirectory start(RunStarter starter, int maxSessions) throws IOException {
    return start(starter, maxSessions, null);
  }

  private DaemonDirectory start(RunStarter starter, int maxSessions, Daemon.WarmUp warmUp) throws IOException {
    Path dir = Files.createDirectory(parent.resolve("key"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    DaemonDirectory directory = DaemonDirectory.checked(dir);
    daemon = Daemon.start(new Daemon.Settings(directory, "build-1", Duration.ofHours(1), maxSessions), starter,
        new HcLog(new PrintStream(log, true, StandardCharsets.UTF_8), HcLog.Level.DEBUG, "test", Instant::now));
    if (warmUp != null) {
      daemon.warmUpWith(warmUp);
    }
    Thread serving = new Thread(daemon::serve, "test-daemon");
    serving.setDaemon(true);
    serving.start();
    return directory;
  }

  @Test
  void a_session_whose_run_throws_ends_alone_and_the_next_one_is_served() throws Exception {
    AtomicInteger starts = new AtomicInteger();
    DaemonDirectory directory = start((request, stderr) -> {
      if (starts.incrementAndGet() == 1) {
        throw new IllegalStateException("a component blew up with a secret-looking " + request.environment());
      }
      stderr.println("{\"@level\":\"info\",\"@message\":\"serving\"}");
      return finishedRun("1|6|tcp|127.0.0.1:1234|grpc|CERT");
    }, 8);
    List<String> failed = session(directory, "build-1", "SECRET=hunter2");
    assertEquals("X 1", failed.get(failed.size() - 1), failed.toString());
    assertTrue(failed.stream().anyMatch(line -> line.startsWith("E ")), "the launcher is told why: " + failed);
    List<String> served = session(directory, "build-1", "SECRET=hunter2");
    // The run logged while starting, so its line comes before the handshake line.
    assertEquals(List.of("E {\"@level\":\"info\",\"@message\":\"serving\"}", "H 1|6|tcp|127.0.0.1:1234|grpc|CERT",
        "X 0"), served);
    assertFalse(log.toString(StandardCharsets.UTF_8).contains("hunter2"), "the daemon's log holds no environment");
  }

  @Test
  void another_build_a_wrong_token_and_sessions_past_the_bound_are_refused_so_the_launcher_starts_directly()
      throws Exception {
    DaemonDirectory directory = start((request, stderr) -> blockedRun(), 1);
    assertEquals(List.of("R another build"), session(directory, "build-2", "A=1"));
    assertEquals(List.of("R unauthorized"), exchange(directory, "0".repeat(64) + "\0session\0"));
    try (Socket holding = open(directory, "build-1")) {
      BufferedReader in = reader(holding);
      assertEquals("H 1|6|tcp|127.0.0.1:1|grpc|", nextRecord(in));
      assertEquals(List.of("R busy"), session(directory, "build-1", "A=1"));
    }
  }

  @Test
  void status_reports_sessions_and_stop_removes_the_port_file() throws Exception {
    DaemonDirectory directory = start((request, stderr) -> finishedRun("1|6|tcp|127.0.0.1:9|grpc|"), 4);
    session(directory, "build-1", "A=1");
    String status = DaemonClient.request(directory, "status").orElseThrow();
    assertTrue(status.contains("\"sessions_served\":1") && status.contains("\"build_key\":\"build-1\""), status);
    assertTrue(DaemonClient.request(directory, "stop").orElseThrow().contains("\"stopping\":true"));
    daemon.stopAndAwait(Duration.ofSeconds(5));
    assertTrue(Files.notExists(directory.path().resolve("port")));
    assertEquals(java.util.Optional.empty(), DaemonClient.request(directory, "status"));
  }

  @Test
  void the_warm_up_works_only_while_no_session_is_open() throws Exception {
    BlockingQueue<Boolean> mayGoOnSeen = new LinkedBlockingQueue<>();
    CountDownLatch finish = new CountDownLatch(1);
    DaemonDirectory directory = start((request, stderr) -> blockedRun(), 4, mayGoOn -> {
      mayGoOnSeen.add(mayGoOn.open()); // asked at the first session's handshake line, that session still open
      while (!mayGoOn.open()) {
        Thread.sleep(20);
      }
      mayGoOnSeen.add(true);
      finish.await();
      return "done";
    });
    long closedNanos;
    try (Socket launcher = open(directory, "build-1")) {
      assertTrue(nextRecord(reader(launcher)).startsWith("H "), "the session is served");
      assertEquals(Boolean.FALSE, mayGoOnSeen.poll(10, TimeUnit.SECONDS), "no warm-up beside an open session");
      assertEquals(null, mayGoOnSeen.poll(300, TimeUnit.MILLISECONDS), "nor while it stays open");
      assertTrue(DaemonClient.request(directory, "status").orElseThrow().contains("\"warm_up\":\"running\""));
      closedNanos = System.nanoTime();
    }
    assertEquals(Boolean.TRUE, mayGoOnSeen.poll(10, TimeUnit.SECONDS), "the warm-up goes on once the daemon is quiet");
    assertTrue(System.nanoTime() - closedNanos >= Daemon.QUIET_BEFORE_WARMING.toNanos(),
        "not before a quiet second: Terraform's next launch may be on its way");
    finish.countDown();
    String status = "";
    for (int poll = 0; poll < 100 && !status.contains("\"warm_up\":\"done\""); poll++) {
      Thread.sleep(50);
      status = DaemonClient.request(directory, "status").orElseThrow();
    }
    assertTrue(status.contains("\"warm_up\":\"done\""), status);
  }

  @Test
  void a_successor_proves_the_same_secret_takes_the_port_file_and_the_old_daemon_lets_its_session_finish()
      throws Exception {
    DaemonDirectory directory = start((request, stderr) -> blockedRun(), 4);
    int oldPort = daemon.port();
    Daemon successor = Daemon.startSuccessor(new Daemon.Settings(directory, "build-1", Duration.ofHours(1), 4),
        (request, stderr) -> finishedRun("1|6|tcp|127.0.0.1:2|grpc|NEW"),
        new HcLog(new PrintStream(log, true, StandardCharsets.UTF_8), HcLog.Level.DEBUG, "test", Instant::now));
    Thread serving = new Thread(successor::serve, "test-successor");
    serving.setDaemon(true);
    serving.start();
    try (Socket oldSession = open(directory, "build-1")) {
      assertTrue(nextRecord(reader(oldSession)).startsWith("H 1|6|tcp|127.0.0.1:1|"), "served by the old daemon");
      assertEquals(oldPort, DaemonClient.published(directory).orElseThrow().port(), "nothing published before");

      successor.publish();
      assertEquals(successor.port(), DaemonClient.published(directory).orElseThrow().port());
      assertEquals(List.of("H 1|6|tcp|127.0.0.1:2|grpc|NEW", "X 0"), session(directory, "build-1", "A=1"),
          "a launch that read the old auth file is served by the successor");
      assertTrue(DaemonClient.request(directory, oldPort, "stop").orElseThrow().contains("\"sessions_open\":1"));
      String stillThere = "";
      for (int poll = 0; poll < 100; poll++) { // it stops right after answering
        Optional<String> answer = DaemonClient.request(directory, oldPort, "status");
        if (answer.isEmpty()) {
          stillThere = null;
          break;
        }
        stillThere = answer.get();
        Thread.sleep(20);
      }
      assertEquals(null, stillThere, "the old daemon accepts no more");
    } // the old daemon's launcher goes away: its session ends, and the old daemon with it
    daemon.stopAndAwait(Duration.ofSeconds(10));
    assertEquals(successor.port(), DaemonClient.published(directory).orElseThrow().port(),
        "the old daemon leaves the successor's port file alone");
    assertTrue(Files.exists(directory.path().resolve("auth")), "and the auth file both share");
    assertTrue(DaemonClient.request(directory, "status").orElseThrow().contains("\"sessions_served\":1"));
    successor.stopAndAwait(Duration.ofSeconds(5));
  }

  @Test
  void a_successor_does_not_idle_out_before_it_takes_over_and_does_after() throws Exception {
    DaemonDirectory directory = start((request, stderr) -> blockedRun(), 4);
    Daemon successor = Daemon.startSuccessor(new Daemon.Settings(directory, "build-1", Duration.ofMillis(300), 4),
        (request, stderr) -> blockedRun(),
        new HcLog(new PrintStream(log, true, StandardCharsets.UTF_8), HcLog.Level.DEBUG, "test", Instant::now));
    Thread serving = new Thread(successor::serve, "test-successor");
    serving.setDaemon(true);
    serving.start();
    serving.join(1500);
    assertTrue(serving.isAlive(), "a successor warming up outlives its idle timeout: it has served no one yet");
    successor.publish();
    serving.join(10_000);
    assertFalse(serving.isAlive(), "once it has taken over, the idle timeout applies");
  }

  @Test
  void no_successor_without_a_daemon_to_take_over_from() throws Exception {
    Path dir = Files.createDirectory(parent.resolve("empty"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    assertThrows(IOException.class, () -> Daemon.startSuccessor(new Daemon.Settings(DaemonDirectory.checked(dir),
        "build-1", Duration.ofHours(1), 4), (request, stderr) -> blockedRun(),
        new HcLog(new PrintStream(log, true, StandardCharsets.UTF_8), HcLog.Level.DEBUG, "test", Instant::now)));
  }

  private static RunStarter.Run finishedRun(String line) {
    return new RunStarter.Run() {
      @Override
      public String handshakeLine() {
        return line;
      }

      @Override
      public int refusedExitCode() {
        return 0;
      }

      @Override
      public void awaitTermination() {
      }

      @Override
      public void stop() {
      }
    };
  }

  /** A run that serves until its launcher goes away. */
  private static RunStarter.Run blockedRun() {
    CountDownLatch stopped = new CountDownLatch(1);
    return new RunStarter.Run() {
      @Override
      public String handshakeLine() {
        return "1|6|tcp|127.0.0.1:1|grpc|";
      }

      @Override
      public int refusedExitCode() {
        return 0;
      }

      @Override
      public void awaitTermination() throws InterruptedException {
        stopped.await();
      }

      @Override
      public void stop() {
        stopped.countDown();
      }
    };
  }

  /** One launch as the bash launcher makes it; returns the daemon's records up to the end of the connection. */
  private static List<String> session(DaemonDirectory directory, String buildKey, String variable) throws IOException {
    try (Socket socket = open(directory, buildKey, variable)) {
      BufferedReader in = reader(socket);
      List<String> records = new ArrayList<>();
      for (String record = nextRecord(in); record != null; record = nextRecord(in)) {
        records.add(record);
      }
      return records;
    }
  }

  private static Socket open(DaemonDirectory directory, String buildKey) throws IOException {
    return open(directory, buildKey, "A=1");
  }

  private static Socket open(DaemonDirectory directory, String buildKey, String variable) throws IOException {
    String token = directory.readPrivate("auth").orElseThrow().split("\n")[1];
    return connect(directory, token + "\0session\0" + buildKey + "\0/work\0" + "0\0" + "1\0" + variable + "\0");
  }

  private static List<String> exchange(DaemonDirectory directory, String afterProof) throws IOException {
    try (Socket socket = connect(directory, afterProof)) {
      BufferedReader in = reader(socket);
      List<String> records = new ArrayList<>();
      for (String record = nextRecord(in); record != null; record = nextRecord(in)) {
        records.add(record);
      }
      return records;
    }
  }

  private static Socket connect(DaemonDirectory directory, String afterProof) throws IOException {
    int port = Integer.parseInt(directory.readPrivate("port").orElseThrow().trim().split(" ")[0]);
    DaemonAuth auth = DaemonAuth.parse(directory.readPrivate("auth").orElseThrow());
    byte[] challenge = new byte[16];
    new SecureRandom().nextBytes(challenge);
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    socket.getOutputStream().write(("PYVIDER-DAEMON 1 " + HexFormat.of().formatHex(challenge) + "\n")
        .getBytes(StandardCharsets.US_ASCII));
    BufferedReader in = reader(socket);
    assertEquals(auth.proof(challenge), in.readLine(), "the daemon proves it holds the key");
    socket.getOutputStream().write(afterProof.getBytes(StandardCharsets.UTF_8));
    return socket;
  }

  private static final java.util.Map<Socket, BufferedReader> READERS = new java.util.concurrent.ConcurrentHashMap<>();

  private static BufferedReader reader(Socket socket) {
    return READERS.computeIfAbsent(socket, s -> {
      try {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      } catch (IOException failed) {
        throw new IllegalStateException(failed);
      }
    });
  }

  /** The next record, skipping the empty lines the daemon sends while it reads (its ACKs); null at the end. */
  private static String nextRecord(BufferedReader in) throws IOException {
    String line;
    do {
      line = in.readLine();
    } while (line != null && line.isEmpty());
    return line;
  }
}
