package io.pyvider.bootstrap.e2e;

import static io.pyvider.bootstrap.e2e.TimedTokens.TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-user daemon behind the launcher, driven the way Terraform drives the binary: the first launch starts it and
 * is its first session, later launches are bash talking to it, each session has its own environment, directory and
 * secret, a killed launcher ends its session, a failing session harms no other, and the daemon leaves when idle.
 * Each test has a daemon directory of its own, so it starts (and stops) its own daemon.
 */
class DaemonIT {

  private static final String HANDSHAKE = "^1\\|6\\|tcp\\|127\\.0\\.0\\.1:\\d+\\|grpc\\|[A-Za-z0-9+/]+$";

  @TempDir
  Path home;
  private Path daemons;

  @BeforeEach
  void privateDaemonDirectory() throws IOException {
    daemons = PackagedProvider.ownerOnlyDirectory(home, "daemons");
  }

  @AfterEach
  void stopTheDaemon() {
    PackagedProvider.stopDaemons(daemons);
  }

  private ProviderLaunch launch() {
    return ProviderLaunch.binary(home).withOwnDaemon(daemons);
  }

  @Test
  void the_first_launch_starts_the_daemon_and_later_launches_are_served_by_it_without_a_jvm() throws Exception {
    String secret = "daemon-it-secret-" + UUID.randomUUID();
    ProviderLaunch launch = launch().with("DAEMON_IT_SECRET", secret);
    try (ProviderProcess first = ProviderProcess.start(launch, "first")) {
      assertTrue(String.valueOf(first.handshakeLine()).matches(HANDSHAKE), first::stderrTail);
      assertTrue(first.connect().healthy());
      first.kill();
      assertTrue(first.exitedGracefully(), "the launcher must exit after GRPCController.Shutdown");
      assertEquals(0, first.process().exitValue());
    }
    long daemon = daemonPid();
    assertTrue(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false), "the daemon outlives its first run");
    try (Stream<Path> descriptors = Files.list(Path.of("/proc/" + daemon + "/fd"))) {
      List<String> pipes = descriptors.map(fd -> {
        try {
          return fd.getFileName() + " -> " + Files.readSymbolicLink(fd);
        } catch (IOException gone) {
          return "";
        }
      }).filter(link -> link.contains("pipe:")).toList();
      // A daemon holding its first launcher's stdout or stderr would make Terraform's Kill() wait for ever.
      assertEquals(List.of(), pipes, "the daemon holds pipes it inherited");
    }
    try (ProviderProcess second = ProviderProcess.start(launch, "second")) {
      assertTrue(String.valueOf(second.handshakeLine()).matches(HANDSHAKE), second::stderrTail);
      assertTrue(second.connect().healthy());
      assertTrue(second.process().info().command().orElse("").endsWith("bash"), "a warm launch is the bash launcher");
      assertEquals(0, second.process().descendants().count(), "a warm launch starts no JVM or other process");
      second.kill();
      assertTrue(second.exitedGracefully());
    }
    assertEquals(daemon, daemonPid(), "one daemon served both launches");
    Path directory = keyDirectory();
    assertEquals("rwx------", mode(directory));
    for (String file : List.of("port", "auth", "daemon.log")) {
      assertEquals("rw-------", mode(directory.resolve(file)), file);
    }
    assertFalse(Files.readString(directory.resolve("daemon.log")).contains(secret),
        "a session's environment reached the daemon's log");
    String ownEnvironment = new String(Files.readAllBytes(Path.of("/proc/" + daemon + "/environ")),
        StandardCharsets.UTF_8);
    assertFalse(ownEnvironment.contains(secret), "the daemon was started with the launch's environment");
    assertFalse(ownEnvironment.contains(launch.secret()), "the daemon holds a launch's private-state secret");
  }

  @Test
  void two_concurrent_sessions_keep_their_environment_working_directory_and_secret_apart() throws Exception {
    Path alphaDirectory = Files.createDirectories(home.resolve("alpha config"));
    Path betaDirectory = Files.createDirectories(home.resolve("beta config"));
    ProviderLaunch alphaLaunch = launch().with("DAEMON_IT_MARK", "alpha").in(alphaDirectory);
    ProviderLaunch betaLaunch = launch().with("DAEMON_IT_MARK", "beta")
        .with(ProviderLaunch.SHARED_SECRET, "beta-secret-" + UUID.randomUUID()).in(betaDirectory);
    try (TerraformSimulator alpha = new TerraformSimulator(alphaLaunch);
        TerraformSimulator beta = new TerraformSimulator(betaLaunch)) {
      ResourceSchema file = alpha.resource("pyvider_file_content");
      ResourceSchema token = alpha.resource(TYPE);
      ResourceState alphaToken;
      try (Walk alphaWalk = alpha.walk("alpha"); Walk betaWalk = beta.walk("beta")) {
        // Both sessions are open in the one daemon at the same time.
        assertEquals("alpha", environmentMark(alpha, alphaWalk));
        assertEquals("beta", environmentMark(beta, betaWalk));
        alphaWalk.apply(alphaWalk.plan(file.typeName(), null, fileConfig(file, "written by alpha")), null);
        betaWalk.apply(betaWalk.plan(file.typeName(), null, fileConfig(file, "written by beta")), null);
        alphaToken = alphaWalk.apply(alphaWalk.plan(TYPE, null, TimedTokens.config(token, "alpha")), null);
      }
      assertEquals("written by alpha", Files.readString(alphaDirectory.resolve("session.txt")));
      assertEquals("written by beta", Files.readString(betaDirectory.resolve("session.txt")));
      try (Walk betaWalk = beta.walk("beta-refresh")) {
        betaWalk.refresh(alphaToken);
        assertTrue(betaWalk.warnings().stream().anyMatch(w -> w.summary().toLowerCase().contains("private")),
            "beta's session opened private state sealed with alpha's secret: " + betaWalk.warnings());
      }
      try (Walk alphaWalk = alpha.walk("alpha-refresh")) {
        alphaWalk.refresh(alphaToken);
        assertEquals(List.of(), alphaWalk.warnings(), "alpha's own secret opens alpha's private state");
      }
    }
  }

  @Test
  void a_killed_launcher_ends_its_session_and_a_failing_session_harms_no_other() throws Exception {
    try (ProviderProcess running = ProviderProcess.start(launch(), "to-be-killed")) {
      String line = running.handshakeLine();
      assertTrue(String.valueOf(line).matches(HANDSHAKE), running::stderrTail);
      assertTrue(running.connect().healthy());
      int port = Integer.parseInt(line.split("\\|")[3].split(":")[1]);
      running.process().destroyForcibly().waitFor(); // Terraform's SIGKILL after its grace period
      assertTrue(eventually(() -> !listening(port)), "the killed launcher's session still listens on " + port);
    }
    // A launch whose run cannot start (a client certificate that is no certificate) fails alone...
    try (ProviderProcess broken = ProviderProcess.start(launch().with("PLUGIN_CLIENT_CERT", "not a certificate"),
        "broken-certificate")) {
      assertEquals(null, broken.handshakeLine());
      assertEquals(1, broken.awaitExit(Duration.ofSeconds(30)));
      assertTrue(broken.stderrLines().stream().anyMatch(l -> l.contains("PLUGIN_CLIENT_CERT")),
          broken::stderrTail);
    }
    // ...and a session that receives undecodable input answers with a diagnostic; the daemon serves on.
    long daemon = daemonPid();
    try (ProviderProcess next = ProviderProcess.start(launch(), "after-failures")) {
      assertTrue(next.connect().healthy(), next::stderrTail);
      Tfplugin6.ValidateResourceConfig.Response garbage = next.provider().validateResourceConfig(
          Tfplugin6.ValidateResourceConfig.Request.newBuilder().setTypeName(TYPE).setConfig(
              Tfplugin6.DynamicValue.newBuilder().setMsgpack(com.google.protobuf.ByteString.copyFrom(
                  new byte[] {(byte) 0xc1, 0x00}))).build());
      assertTrue(Diag.hasErrors(Diag.of(garbage.getDiagnosticsList())));
    }
    assertEquals(daemon, daemonPid(), "the same daemon is still serving");
  }

  @Test
  void a_session_sent_more_than_the_daemon_can_hold_fails_alone_and_the_daemon_serves_on() throws Exception {
    long daemon;
    try (ProviderProcess first = ProviderProcess.start(launch(), "first")) {
      assertTrue(first.connect().healthy(), first::stderrTail);
      daemon = daemonPid();
    }
    // Three concurrent configurations of 100 MB each (Terraform accepts messages up to 256 MB): more than a daemon's
    // heap. The session may refuse them; the other sessions must not notice.
    byte[] huge = new byte[100 << 20];
    java.util.Arrays.fill(huge, (byte) 'x');
    java.io.ByteArrayOutputStream msgpack = new java.io.ByteArrayOutputStream(huge.length + 32);
    msgpack.write(0x81); // a map of one entry: "content" = a 100 MB string
    msgpack.write(0xa7);
    msgpack.writeBytes("content".getBytes(StandardCharsets.US_ASCII));
    msgpack.write(0xdb);
    msgpack.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(huge.length).array());
    msgpack.writeBytes(huge);
    Tfplugin6.ValidateResourceConfig.Request request = Tfplugin6.ValidateResourceConfig.Request.newBuilder()
        .setTypeName("pyvider_file_content").setConfig(Tfplugin6.DynamicValue.newBuilder()
            .setMsgpack(com.google.protobuf.ByteString.copyFrom(msgpack.toByteArray()))).build();
    try (ProviderProcess heavy = ProviderProcess.start(launch(), "heavy")) {
      assertTrue(heavy.connect().healthy(), heavy::stderrTail);
      java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(3);
      try {
        List<java.util.concurrent.Future<Object>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
          sent.add(senders.submit(() -> {
            try {
              return heavy.provider().validateResourceConfig(request);
            } catch (io.grpc.StatusRuntimeException refused) {
              return refused.getStatus();
            }
          }));
        }
        while (!sent.isEmpty()) {
          Object answer = sent.get(0).get(5, java.util.concurrent.TimeUnit.MINUTES);
          sent.remove(0);
          // Refused (the session's connection ends with "Java heap space") or answered: either way, not hung.
          assertTrue(answer instanceof io.grpc.Status || answer instanceof Tfplugin6.ValidateResourceConfig.Response,
              String.valueOf(answer));
        }
      } finally {
        senders.shutdownNow();
      }
    }
    try (ProviderProcess next = ProviderProcess.start(launch(), "after-the-heavy-one")) {
      assertTrue(next.connect().healthy(), next::stderrTail);
      assertEquals(daemon, daemonPid(), "the daemon did not survive another session's input");
      Tfplugin6.GetProviderSchema.Response schema = next.provider().getProviderSchema(
          Tfplugin6.GetProviderSchema.Request.getDefaultInstance());
      assertTrue(schema.containsResourceSchemas(TYPE));
    }
  }

  @Test
  void the_daemon_exits_after_its_idle_timeout_and_the_next_launch_starts_a_new_one() throws Exception {
    ProviderLaunch quick = launch().with("PYVIDER_DAEMON_IDLE", "2s");
    long daemon;
    try (ProviderProcess first = ProviderProcess.start(quick, "before-idle")) {
      assertTrue(first.connect().healthy(), first::stderrTail);
      daemon = daemonPid(); // while its session is open the daemon is not idle
    }
    java.util.Optional<ProcessHandle> handle = ProcessHandle.of(daemon); // empty: it has exited already
    if (handle.isPresent()) {
      handle.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertFalse(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false));
    assertFalse(Files.exists(keyDirectory().resolve("port")), "an idle daemon removes its port file");
    try (ProviderProcess again = ProviderProcess.start(quick, "after-idle")) {
      assertTrue(again.connect().healthy(), again::stderrTail);
    }
    assertNotEquals(daemon, daemonPid());
  }

  @Test
  void the_c1_daemon_hands_over_to_a_warmed_tiered_successor_once_quiet() throws Exception {
    ProviderLaunch warming = launch().with("PYVIDER_DAEMON_WARM_UP", "1");
    long first;
    try (ProviderProcess launch = ProviderProcess.start(warming, "c1-daemon")) {
      assertTrue(launch.connect().healthy(), launch::stderrTail);
      first = daemonPid();
    }
    assertTrue(commandLine(first).contains("-XX:TieredStopAtLevel=1"), "the daemon a launch starts runs C1 only");
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (daemonPid() == first && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    long successor = daemonPid();
    assertNotEquals(first, successor, "a successor took over the port file");
    String successorCommand = commandLine(successor);
    assertTrue(successorCommand.contains("--successor") && !successorCommand.contains("TieredStopAtLevel"),
        "the successor runs the full tiered compiler: " + successorCommand);
    ProcessHandle.of(first).ifPresent(old -> old.onExit().join());
    try (ProviderProcess launch = ProviderProcess.start(warming, "served-by-successor")) {
      assertTrue(launch.connect().healthy(), launch::stderrTail);
      assertTrue(launch.process().info().command().orElse("").endsWith("bash"), "served through a daemon");
      assertEquals(0, launch.process().descendants().count(), "a warm launch, no JVM of its own");
    }
    assertEquals(successor, daemonPid(), "the successor serves on and starts no successor of its own");
    String log = Files.readString(keyDirectory().resolve("daemon.log"));
    assertTrue(log.contains("took over from the C1 daemon"), log);
  }

  @Test
  void a_successor_whose_daemon_is_stopped_while_it_warms_up_gives_up_and_leaves_nothing() throws Exception {
    ProviderLaunch warming = launch().with("PYVIDER_DAEMON_WARM_UP", "50");
    try (ProviderProcess launch = ProviderProcess.start(warming, "c1-daemon")) {
      assertTrue(launch.connect().healthy(), launch::stderrTail);
    }
    long first = daemonPid();
    Path log = keyDirectory().resolve("daemon.log");
    assertTrue(eventually(() -> {
      try {
        return Files.readString(log).contains("successor started");
      } catch (IOException unreadable) {
        return false;
      }
    }), "the daemon starts its successor once quiet");
    long successor = ProcessHandle.of(first).orElseThrow().children()
        .filter(child -> child.info().commandLine().orElse("").contains("--successor")).findFirst()
        .map(ProcessHandle::pid).orElseThrow();
    PackagedProvider.stopDaemons(daemons); // the user's `daemon stop` while the successor warms up
    ProcessHandle.of(successor).ifPresent(handle -> handle.onExit().orTimeout(60, TimeUnit.SECONDS).join());
    assertFalse(ProcessHandle.of(successor).map(ProcessHandle::isAlive).orElse(false), "the successor gave up");
    assertFalse(Files.exists(keyDirectory().resolve("port")), "and published nothing");
    String said = Files.readString(log);
    // Stopped before the successor looked, or while it warmed up: either way it gives up.
    assertTrue(said.contains("no daemon to take over from") || said.contains("not taking over"), said);
  }

  private static String commandLine(long pid) throws IOException {
    return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
        .replace('\0', ' ');
  }

  @Test
  void with_the_daemon_off_every_launch_is_a_jvm_of_its_own() throws Exception {
    try (ProviderProcess direct = ProviderProcess.start(launch().with("PYVIDER_DAEMON", "off"), "direct")) {
      assertTrue(direct.connect().healthy(), direct::stderrTail);
      assertTrue(direct.process().info().command().orElse("").endsWith("java"), "the launcher execs the JVM");
    }
    try (Stream<Path> keys = Files.list(daemons)) {
      assertEquals(0, keys.count(), "PYVIDER_DAEMON=off must not start a daemon");
    }
  }

  private String environmentMark(TerraformSimulator terraform, Walk walk) throws Exception {
    ResourceSchema schema = ResourceSchema.of("pyvider_env_variables",
        terraform.providerSchema().getDataSourceSchemasOrThrow("pyvider_env_variables"));
    Value config = schema.config(Map.of("keys",
        new Value.ListVal(CtyType.STRING, List.of(Value.string("DAEMON_IT_MARK")))));
    Tfplugin6.ReadDataSource.Response response = walk.stub().readDataSource(Tfplugin6.ReadDataSource.Request
        .newBuilder().setTypeName("pyvider_env_variables").setConfig(ProviderRpc.dynamic(config,
            schema.impliedType())).build());
    assertFalse(Diag.hasErrors(Diag.of(response.getDiagnosticsList())), () -> Diag.of(response.getDiagnosticsList())
        .toString());
    Value state = CtyMsgpack.decode(response.getState().getMsgpack().toByteArray(), schema.impliedType());
    Value values = ((Value.ObjectVal) state).get("values");
    return ((Value.Str) ((Value.MapVal) values).entries().get("DAEMON_IT_MARK")).value();
  }

  private static Value.ObjectVal fileConfig(ResourceSchema schema, String content) {
    return schema.config(Map.of("filename", Value.string("session.txt"), "content", Value.string(content)));
  }

  private Path keyDirectory() throws IOException {
    try (Stream<Path> keys = Files.list(daemons)) {
      List<Path> all = keys.filter(Files::isDirectory).toList();
      assertEquals(1, all.size(), "one daemon directory for this build: " + all);
      return all.get(0);
    }
  }

  private long daemonPid() throws IOException {
    String[] fields = Files.readString(keyDirectory().resolve("port")).trim().split(" ");
    return Long.parseLong(fields[1]);
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static boolean listening(int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
