package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launch never fails because of the daemon: every kind of daemon trouble falls back to the direct start (the
 * launcher execs the JVM), and a listener that is not our daemon never hears the token or the environment. Where a
 * real daemon cannot be made to misbehave, the test plays the daemon itself on the launcher's own protocol.
 */
class DaemonFallbackIT {

  private static final String HANDSHAKE = "^1\\|6\\|tcp\\|127\\.0\\.0\\.1:\\d+\\|grpc\\|[A-Za-z0-9+/]+$";
  private static final HexFormat HEX = HexFormat.of();

  @TempDir
  Path home;
  private Path daemons;
  private Path keyDirectory;

  /** Learns this build's daemon directory from a real daemon, then stops it: each test sets the scene there. */
  @BeforeEach
  void learnTheDaemonDirectory() throws Exception {
    daemons = PackagedProvider.ownerOnlyDirectory(home, "daemons");
    try (ProviderProcess first = ProviderProcess.start(launch(), "learn")) {
      assertTrue(first.connect().healthy(), first::stderrTail);
    }
    try (Stream<Path> keys = Files.list(daemons)) {
      keyDirectory = keys.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  @AfterEach
  void stopTheDaemon() {
    PackagedProvider.stopDaemons(daemons);
  }

  private ProviderLaunch launch() {
    return ProviderLaunch.binary(home).withOwnDaemon(daemons);
  }

  @Test
  void a_refused_token_falls_back_to_the_direct_start() throws Exception {
    Path auth = keyDirectory.resolve("auth");
    List<String> lines = Files.readAllLines(auth);
    Files.writeString(auth, lines.get(0) + "\n" + "0".repeat(64) + "\n"); // the daemon keeps the real token
    assertServedDirectly(launch(), "refused-token");
  }

  @Test
  void a_stale_port_file_of_a_dead_daemon_is_replaced_by_a_new_daemon() throws Exception {
    PackagedProvider.stopDaemons(daemons);
    Files.writeString(keyDirectory.resolve("port"), freePort() + " 999999999\n");
    try (ProviderProcess launched = ProviderProcess.start(launch(), "stale-port")) {
      assertTrue(String.valueOf(launched.handshakeLine()).matches(HANDSHAKE), launched::stderrTail);
      assertTrue(launched.process().info().command().orElse("").endsWith("bash"), "served by a new daemon");
    }
    assertFalse(Files.readString(keyDirectory.resolve("port")).contains("999999999"));
  }

  @Test
  void a_foreign_listener_on_the_port_hears_only_the_challenge_and_the_launch_starts_directly() throws Exception {
    PackagedProvider.stopDaemons(daemons);
    String secret = "fallback-it-secret-" + UUID.randomUUID();
    try (ServerSocket foreign = new ServerSocket()) {
      foreign.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      writeDaemonFiles(foreign.getLocalPort(), new byte[16]);
      CompletableFuture<byte[]> heard = CompletableFuture.supplyAsync(() -> {
        try (Socket launcher = foreign.accept()) {
          launcher.setSoTimeout(5000);
          byte[] greeting = readLine(launcher.getInputStream());
          launcher.getOutputStream().write("I am not your daemon\n".getBytes(StandardCharsets.US_ASCII));
          return concat(greeting, drain(launcher.getInputStream()));
        } catch (IOException failed) {
          throw new IllegalStateException(failed);
        }
      });
      assertServedDirectly(launch().with("FALLBACK_IT_SECRET", secret), "foreign-listener");
      String received = new String(heard.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
      assertTrue(received.matches("PYVIDER-DAEMON 1 [0-9a-f]{32}\n"), "the foreign listener heard: " + received);
      assertFalse(received.contains(secret));
    }
  }

  @Test
  void a_daemon_that_dies_before_the_handshake_line_falls_back_to_the_direct_start() throws Exception {
    PackagedProvider.stopDaemons(daemons);
    byte[] key = new byte[16];
    new java.security.SecureRandom().nextBytes(key);
    try (ServerSocket dying = new ServerSocket()) {
      dying.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      writeDaemonFiles(dying.getLocalPort(), key);
      CompletableFuture<Void> daemon = CompletableFuture.runAsync(() -> {
        try (Socket launcher = dying.accept()) {
          launcher.setSoTimeout(5000);
          String greeting = new String(readLine(launcher.getInputStream()), StandardCharsets.US_ASCII).trim();
          byte[] challenge = HEX.parseHex(greeting.substring(greeting.lastIndexOf(' ') + 1));
          launcher.getOutputStream().write((proof(key, challenge) + "\n").getBytes(StandardCharsets.US_ASCII));
          readLine(launcher.getInputStream()); // part of the request; then the "daemon" dies
        } catch (IOException failed) {
          throw new IllegalStateException(failed);
        }
      });
      assertServedDirectly(launch(), "dies-before-handshake");
      daemon.get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void a_daemon_directory_others_could_read_is_refused_and_the_launch_starts_directly() throws Exception {
    PackagedProvider.stopDaemons(daemons);
    Files.deleteIfExists(keyDirectory.resolve("port"));
    Files.setPosixFilePermissions(keyDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertServedDirectly(launch(), "open-directory");
    assertTrue(Files.readString(keyDirectory.resolve("daemon.log")).contains("rwx------"),
        "the daemon's refusal names the required mode");
  }

  @Test
  void a_daemon_log_over_a_mebibyte_is_set_aside_when_the_next_daemon_starts() throws Exception {
    PackagedProvider.stopDaemons(daemons);
    Path log = keyDirectory.resolve("daemon.log");
    Files.writeString(log, "old line\n".repeat(140_000)); // 1.2 MiB
    try (ProviderProcess launched = ProviderProcess.start(launch(), "rotated-log")) {
      assertTrue(launched.connect().healthy(), launched::stderrTail);
    }
    assertTrue(Files.readString(keyDirectory.resolve("daemon.log.1")).startsWith("old line"));
    assertTrue(Files.size(log) < 100_000, "the new daemon starts a new log");
  }

  private static void assertServedDirectly(ProviderLaunch launch, String label) {
    try (ProviderProcess launched = ProviderProcess.start(launch, label)) {
      assertTrue(String.valueOf(launched.handshakeLine()).matches(HANDSHAKE), launched::stderrTail);
      assertTrue(launched.connect().healthy());
      assertTrue(launched.process().info().command().orElse("").endsWith("java"),
          "the launcher should have exec'd the JVM, not served through a daemon");
    }
  }

  private void writeDaemonFiles(int port, byte[] macKey) throws IOException {
    Files.writeString(keyDirectory.resolve("auth"), HEX.formatHex(macKey) + "\n" + "ab".repeat(32) + "\n");
    Files.writeString(keyDirectory.resolve("port"), port + " " + ProcessHandle.current().pid() + "\n");
  }

  /** SipHash-2-4 as the launcher checks it: what only a holder of the auth file's key can answer. */
  private static String proof(byte[] key, byte[] challenge) {
    SipHash mac = new SipHash(2, 4);
    mac.init(new KeyParameter(key));
    mac.update(challenge, 0, challenge.length);
    byte[] out = new byte[8];
    mac.doFinal(out, 0);
    return HEX.formatHex(out);
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      line.write(b);
      if (b == '\n') {
        break;
      }
    }
    return line.toByteArray();
  }

  private static byte[] drain(InputStream in) {
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    try {
      in.transferTo(rest);
    } catch (IOException closedOrTimedOut) {
      // The launcher gave up on us: all it sent is in rest.
    }
    return rest.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
