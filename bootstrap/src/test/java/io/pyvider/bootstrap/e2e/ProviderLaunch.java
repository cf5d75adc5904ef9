package io.pyvider.bootstrap.e2e;

import io.pyvider.application.port.out.TlsIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * How to start the provider the way go-plugin starts it for Terraform: the command, and the whole environment it
 * gets (the host's, made hermetic: a private HOME, XDG dirs, cache dir and private-state secret; no training run).
 * Immutable; the go-plugin variables (cookie, versions, ports, client certificate) are added per start by
 * {@link ProviderProcess}, unless a test overrides or removes them here.
 */
record ProviderLaunch(List<String> command, Map<String, String> environment, Set<String> suppressed,
    TlsIdentity fixedClient, Path directory) {

  static final String COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
  static final String COOKIE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
  static final String SHARED_SECRET = "PYVIDER_PRIVATE_STATE_SHARED_SECRET";
  static final String CLOCK_OFFSET_FILE = "PYVIDER_TEST_CLOCK_OFFSET_FILE";

  ProviderLaunch {
    command = List.copyOf(command);
    environment = Collections.unmodifiableMap(new TreeMap<>(environment));
    suppressed = Set.copyOf(suppressed);
  }

  /** Started in the test JVM's working directory. */
  ProviderLaunch(List<String> command, Map<String, String> environment, Set<String> suppressed,
      TlsIdentity fixedClient) {
    this(command, environment, suppressed, fixedClient, null);
  }

  /**
   * Served by a daemon of its own in {@code daemons} (see {@link PackagedProvider#ownerOnlyDirectory}), without the
   * warm-up: tests that start many short-lived daemons must not have warm-ups compete with them for the CPU.
   */
  ProviderLaunch withOwnDaemon(Path daemons) {
    return with("PYVIDER_DAEMON_DIR", daemons.toString()).with("PYVIDER_DAEMON_WARM_UP", "0");
  }

  /** Started in {@code directory}, as Terraform starts providers in the configuration's directory. */
  ProviderLaunch in(Path directory) {
    return new ProviderLaunch(command, environment, suppressed, fixedClient, directory);
  }

  /** The packaged binary Terraform executes (the launcher script that execs the JVM). */
  static ProviderLaunch binary(Path home) {
    return new ProviderLaunch(List.of(PackagedProvider.binary().toString()), hermeticEnvironment(home), Set.of(),
        null);
  }

  /**
   * The packaged jar run through {@link TestClockProviderMain}: the same provider with a clock that is system time
   * plus the seconds written in {@code offsetFile}. JVM flags as the launcher's (no class-data archive).
   */
  static ProviderLaunch testClock(Path home, Path offsetFile) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The launcher's flags (src/main/dist/terraform-provider-pyvider), so start-up behaves alike.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xms8m", "-XX:MaxRAM=1g",
        "-XX:ReservedCodeCacheSize=32m", "-XX:MaxMetaspaceSize=96m", "-Xlog:disable", "-Xlog:all=warning:stderr",
        "-XX:+DisplayVMOutputToStderr", "-Dio.grpc.netty.shaded.io.netty.handler.ssl.noOpenSsl=true",
        "-Dio.grpc.netty.shaded.io.netty.transport.noNative=true",
        "-Dio.grpc.netty.shaded.io.netty.noUnsafe=true"));
    command.add("-cp");
    command.add(PackagedProvider.jar() + java.io.File.pathSeparator + property("pyvider.test.classes"));
    command.add(TestClockProviderMain.class.getName());
    return new ProviderLaunch(command, hermeticEnvironment(home), Set.of(), null)
        .with(CLOCK_OFFSET_FILE, offsetFile.toString());
  }

  ProviderLaunch with(String name, String value) {
    Map<String, String> copy = new TreeMap<>(environment);
    copy.put(name, value);
    Set<String> unsuppressed = new TreeSet<>(suppressed);
    unsuppressed.remove(name);
    return new ProviderLaunch(command, copy, unsuppressed, fixedClient, directory);
  }

  /** Removes a variable, including one go-plugin would set (so a test can start without the cookie). */
  ProviderLaunch without(String name) {
    Map<String, String> copy = new TreeMap<>(environment);
    copy.remove(name);
    Set<String> more = new TreeSet<>(suppressed);
    more.add(name);
    return new ProviderLaunch(command, copy, more, fixedClient, directory);
  }

  /** Always present this client certificate (default: a fresh one per process, as go-plugin does). */
  ProviderLaunch withClient(TlsIdentity client) {
    return new ProviderLaunch(command, environment, suppressed, client, directory);
  }

  String secret() {
    return environment.get(SHARED_SECRET);
  }

  private static Map<String, String> hermeticEnvironment(Path home) {
    Map<String, String> env = new TreeMap<>();
    System.getenv().forEach((name, value) -> {
      boolean ours = name.startsWith("PYVIDER_") || name.startsWith("TF_") || name.startsWith("PLUGIN_")
          || name.startsWith("XDG_") || name.equals("HOME");
      if (!ours) {
        env.put(name, value);
      }
    });
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    env.put("PYVIDER_CACHE_DIR", home.resolve(".cache").resolve("pyvider").toString());
    env.put("PYVIDER_NO_ARCHIVE", "1");
    // Through the run's daemon, unless the run asks for direct starts (-Dpyvider.e2e.daemon=off).
    env.put("PYVIDER_DAEMON_DIR", PackagedProvider.daemonDirectory().toString());
    env.put("PYVIDER_DAEMON_IDLE", "600s");
    if ("off".equals(System.getProperty("pyvider.e2e.daemon"))) {
      env.put("PYVIDER_DAEMON", "off");
    }
    env.put(SHARED_SECRET, "e2e-shared-secret-" + UUID.randomUUID());
    return env;
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set: run the end-to-end tests through "
          + "`mvn -pl bootstrap verify` (failsafe passes it)");
    }
    return value;
  }
}
