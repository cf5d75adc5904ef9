package io.pyvider.bootstrap;

import com.google.protobuf.ByteString;
import io.pyvider.adapters.cli.DaemonControl;
import io.pyvider.adapters.cli.DaemonStatus;
import io.pyvider.adapters.cli.Durations;
import io.pyvider.adapters.cli.ProviderSmokeTest;
import io.pyvider.adapters.crypto.Crypto;
import io.pyvider.adapters.crypto.KeyCheck;
import io.pyvider.adapters.grpc.client.PluginProcess;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.proto.ProviderGrpc;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.adapters.grpc.toproto.DynamicValues;
import io.pyvider.adapters.grpc.wire.WireFormatException;
import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.TlsIdentity;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code doctor} command's checks: this machine can run the provider (Java, key configuration, the launcher, the
 * daemon), a cold launch (a new JVM) against a warm one (through the daemon), and the provider binary, launched exactly
 * as Terraform would, walks a timed token through create, refresh, a no-op plan and destroy over the real protocol,
 * one process per walk, reporting each step and its time. The token itself is never reported.
 */
final class Doctor implements ProviderSmokeTest {

  private static final String TYPE = "pyvider_timed_token";
  private static final String KEY_STEP = "Private-state key";
  /** The launcher's switch, and the value that makes it start the JVM directly. */
  private static final String DAEMON_SWITCH = "PYVIDER_DAEMON";
  private static final Duration LAUNCH_TIMEOUT = Duration.ofMinutes(1);

  private final Environment environment;
  private final Optional<String> launcher;
  private final DaemonControl daemon;
  private Steps steps;
  /** Set when the daemon step failed (refused directory, a stranger on its port): no warm launch is tried then. */
  private boolean daemonFailed;

  /**
   * {@code launcher}: the executable Terraform starts ({@code -Dpyvider.launcher}, set by the launcher script);
   * {@code daemon}: the daemon its launches use.
   */
  Doctor(Environment environment, Optional<String> launcher, DaemonControl daemon) {
    this.environment = environment;
    this.launcher = launcher.filter(path -> !path.isEmpty());
    this.daemon = daemon;
  }

  @Override
  public boolean checkEnvironment(Steps steps) {
    this.steps = steps;
    Runtime.Version java = Runtime.version();
    step("Java", java.feature() >= 17, "Java " + java + " (" + System.getProperty("java.vm.name") + ") at "
        + System.getProperty("java.home"));
    keyStep();
    boolean launcherFound = launcher.filter(path -> Files.isExecutable(Path.of(path))).isPresent();
    step("Provider binary", launcherFound, launcherFound ? launcher.get()
        : "not found: run doctor through the terraform-provider-pyvider launcher");
    if (launcherFound) {
      daemonStep();
    }
    return launcherFound;
  }

  /**
   * The key the provider will seal with, as it will find it: looked at, never created (the walk creates it). An exposed
   * or weak key is a warning, since the provider uses it; one it cannot seal with fails.
   */
  private void keyStep() {
    KeyCheck keys = Crypto.keyRing(environment).check();
    switch (keys.verdict()) {
      case OK -> step(KEY_STEP, true, keys.detail());
      case WARNING -> steps.warn(KEY_STEP, keys.detail());
      case UNUSABLE -> step(KEY_STEP, false, keys.detail());
    }
  }

  /** Shows the daemon this launcher's launches use: running (and how it is doing), not running, or unusable. */
  private void daemonStep() {
    try {
      if (daemon.directory().isEmpty()) {
        steps.warn("Daemon", "the launcher found no directory for it (it needs HOME, XDG_RUNTIME_DIR or "
            + "PYVIDER_DAEMON_DIR, and Java on PATH or JAVA_HOME), so every launch starts a new JVM");
        return;
      }
      String off = daemonSwitchedOff() ? "; " + DAEMON_SWITCH + "=off is set, so launches from here start a new "
          + "JVM instead" : "";
      Optional<DaemonStatus> status = daemon.status();
      if (status.isPresent()) {
        step("Daemon", true, "running: " + describe(status.get()) + off);
      } else {
        step("Daemon", true, "not running" + (off.isEmpty() ? " (the next launch starts it)" : off) + ", directory "
            + daemon.directory().get());
      }
    } catch (IOException | RuntimeException unusable) {
      daemonFailed = true;
      step("Daemon", false, problem(unusable) + " (launches start a new JVM instead)");
    }
  }

  private static String describe(DaemonStatus status) {
    return "pid " + status.pid() + ", up " + Durations.approximate(Duration.ofSeconds(status.uptimeSeconds())) + ", "
        + status.sessionsServed() + " session(s) served, " + status.sessionsOpen() + " open (at most "
        + status.maxSessions() + "), " + (status.rssKilobytes() < 0 ? "memory unknown"
            : String.format("%.0f MB resident", status.rssKilobytes() / 1024.0)) + ", exits after "
        + Durations.format(Duration.ofSeconds(status.idleTimeoutSeconds())) + " idle";
  }

  private boolean daemonSwitchedOff() {
    return environment.get(DAEMON_SWITCH).filter("off"::equals).isPresent();
  }

  @Override
  public void walk(Steps steps) {
    this.steps = steps;
    if (launcher.isEmpty()) {
      step("Protocol walk", false, "no provider binary to launch");
      return;
    }
    ProviderComponent local;
    TlsIdentity client;
    try {
      // A local, unconfigured instance of the same wiring: for a client certificate and the expected schema.
      local = ProviderComponent.create(Environment.of(Map.of()), HostModule.processWorkingDirectory(),
          HostModule.systemClock(), HcLog.off("doctor", HostModule.systemClock()));
      client = local.certificateIssuer().issueSelfSigned();
    } catch (RuntimeException failed) {
      step("Protocol walk", false, failed.getClass().getSimpleName() + ": " + failed.getMessage());
      return;
    }
    List<String> command = List.of(launcher.get());
    launchTimes(command, client);
    try {
      walk(command, local, client);
    } catch (IOException | RuntimeException | WireFormatException failed) {
      step("Protocol walk", false, failed.getClass().getSimpleName() + ": " + failed.getMessage());
    }
  }

  /**
   * Times launches to the handshake line: cold (a new JVM, as with {@code PYVIDER_DAEMON=off}) and warm (through the
   * daemon; when none runs, the first launch starts it and a second one is the warm one). Whether a launch really went
   * through the daemon is told by the daemon's own count of sessions, not guessed from the time.
   */
  private void launchTimes(List<String> command, TlsIdentity client) {
    Optional<Duration> cold = timedLaunch("Cold launch (new JVM)", command, Map.of(DAEMON_SWITCH, "off"), client);
    cold.ifPresent(time -> step("Cold launch (new JVM)", true, DAEMON_SWITCH + "=off: handshake in " + millis(time)));
    if (daemonFailed || daemon.directory().isEmpty()) {
      steps.warn("Warm launch (daemon)", "skipped: no usable daemon (see the Daemon step)");
      return;
    }
    if (daemonSwitchedOff()) {
      step("Warm launch (daemon)", true, "skipped: " + DAEMON_SWITCH + "=off is set here");
      return;
    }
    try {
      Optional<DaemonStatus> before = daemon.status();
      if (before.isEmpty()) {
        Optional<Duration> first = timedLaunch("First launch (starts daemon)", command, Map.of(), client);
        if (first.isEmpty()) {
          return;
        }
        before = daemon.status();
        if (before.isEmpty()) {
          steps.warn("First launch (starts daemon)", "handshake in " + millis(first.get()) + ", but no daemon runs "
              + "after it: the launcher started a new JVM instead (" + daemonLog() + ")");
          return;
        }
        step("First launch (starts daemon)", true, "started the daemon (pid " + before.get().pid() + "): handshake in "
            + millis(first.get()));
      }
      Optional<Duration> warm = timedLaunch("Warm launch (daemon)", command, Map.of(), client);
      if (warm.isEmpty()) {
        return;
      }
      Optional<DaemonStatus> after = daemon.status();
      boolean served = after.isPresent() && after.get().pid() == before.get().pid()
          && after.get().sessionsServed() > before.get().sessionsServed();
      if (!served) {
        steps.warn("Warm launch (daemon)", "handshake in " + millis(warm.get()) + ", but not through the daemon: the "
            + "launcher started a new JVM instead (" + daemonLog() + ")");
        return;
      }
      step("Warm launch (daemon)", true, "through the daemon (pid " + after.get().pid() + "): handshake in "
          + millis(warm.get()) + cold.map(time -> faster(time, warm.get())).orElse(""));
    } catch (IOException | RuntimeException unusable) {
      step("Warm launch (daemon)", false, problem(unusable));
    }
  }

  /** Launches, waits for the handshake, shuts the provider down; empty (and a failed step) when it did not start. */
  private Optional<Duration> timedLaunch(String name, List<String> command, Map<String, String> env,
      TlsIdentity client) {
    try (PluginProcess process = PluginProcess.launch(command, env, client, LAUNCH_TIMEOUT)) {
      return Optional.of(process.startup());
    } catch (IOException | RuntimeException failed) {
      step(name, false, problem(failed));
      return Optional.empty();
    }
  }

  private static String faster(Duration cold, Duration warm) {
    return warm.toNanos() > 0 && cold.compareTo(warm) > 0
        ? String.format(", %.1fx faster than the cold launch", cold.toNanos() / (double) warm.toNanos()) : "";
  }

  private String daemonLog() {
    return "the daemon's log may say why: " + daemon.directory()
        .map(dir -> Path.of(dir).resolve("daemon.log").toString()).orElse("daemon.log in its directory");
  }

  private static String problem(Exception failed) {
    return failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
  }

  private void walk(List<String> command, ProviderComponent local, TlsIdentity client)
      throws IOException, WireFormatException {
    Map<String, String> env = Map.of();

    long t = System.nanoTime();
    Tfplugin6.DynamicValue planned;
    ByteString plannedPrivate;
    Schema schema;
    CtyType type;
    Tfplugin6.DynamicValue config;
    Tfplugin6.DynamicValue none;
    try (PluginProcess plan = PluginProcess.launch(command, env, client, LAUNCH_TIMEOUT)) {
      step("Launch and handshake", true, "mutual TLS, protocol 6, " + plan.client().handshake().host() + ":"
          + plan.client().handshake().port() + " in " + millis(plan.startup()));
      step("Health", plan.client().healthy(), "plugin = SERVING");
      ProviderGrpc.ProviderBlockingStub provider = plan.client().provider();
      t = System.nanoTime();
      Tfplugin6.GetProviderSchema.Response schemas =
          provider.getProviderSchema(Tfplugin6.GetProviderSchema.Request.getDefaultInstance());
      step("GetProviderSchema", schemas.containsResourceSchemas(TYPE), schemas.getResourceSchemasCount()
          + " resource type(s), " + schemas.getDataSourceSchemasCount() + " data source(s) in " + since(t));
      schema = local.providerService().schemas().resources().get(TYPE);
      type = schema.block().impliedType();
      Map<String, Value> attributes = new TreeMap<>(schema.block().emptyValue().attributes());
      attributes.put("name", Value.string("doctor"));
      attributes.put("lifetime", Value.string("5m"));
      config = DynamicValues.encode(Value.ObjectVal.of(attributes), type);
      none = DynamicValues.encode(Value.nullOf(type), type);
      provider.configureProvider(Tfplugin6.ConfigureProvider.Request.newBuilder().setTerraformVersion("1.15.9")
          .build());
      t = System.nanoTime();
      Tfplugin6.PlanResourceChange.Response response = provider.planResourceChange(
          Tfplugin6.PlanResourceChange.Request.newBuilder().setTypeName(TYPE).setPriorState(none)
              .setProposedNewState(config).setConfig(config).build());
      step("Plan create", response.getDiagnosticsCount() == 0, "id, token, expires_at known after apply, in "
          + since(t) + diagnostics(response.getDiagnosticsList()));
      planned = response.getPlannedState();
      plannedPrivate = response.getPlannedPrivate();
      step("Shutdown", plan.kill().toMillis() < 2000, "process exited after GRPCController.Shutdown");
    }

    Tfplugin6.ApplyResourceChange.Response applied;
    try (PluginProcess apply = PluginProcess.launch(command, env, client, LAUNCH_TIMEOUT)) {
      ProviderGrpc.ProviderBlockingStub provider = apply.client().provider();
      t = System.nanoTime();
      applied = provider.applyResourceChange(Tfplugin6.ApplyResourceChange.Request.newBuilder().setTypeName(TYPE)
          .setPriorState(none).setPlannedState(planned).setConfig(config).setPlannedPrivate(plannedPrivate).build());
      Value.ObjectVal state = (Value.ObjectVal) DynamicValues.decode(applied.getNewState(), type);
      step("Apply create (new process)", applied.getDiagnosticsCount() == 0, "id " + text(state, "id")
          + ", expires_at " + text(state, "expires_at") + ", token (sensitive) "
          + (state.get("token") instanceof Value.Str ? "issued" : "missing") + ", private state sealed ("
          + applied.getPrivate().size() + " bytes), in " + since(t) + diagnostics(applied.getDiagnosticsList()));
      apply.kill();
    }

    try (PluginProcess refresh = PluginProcess.launch(command, env, client, LAUNCH_TIMEOUT)) {
      ProviderGrpc.ProviderBlockingStub provider = refresh.client().provider();
      t = System.nanoTime();
      Tfplugin6.ReadResource.Response read = provider.readResource(Tfplugin6.ReadResource.Request.newBuilder()
          .setTypeName(TYPE).setCurrentState(applied.getNewState()).setPrivate(applied.getPrivate()).build());
      boolean same = DynamicValues.decode(read.getNewState(), type).equals(DynamicValues.decode(applied.getNewState(),
          type));
      step("Refresh (new process)", same && read.getDiagnosticsCount() == 0 && !read.getPrivate().isEmpty(),
          (same ? "no drift" : "drift!") + ", private state unsealed and kept, in " + since(t)
              + diagnostics(read.getDiagnosticsList()));
      t = System.nanoTime();
      Tfplugin6.PlanResourceChange.Response noop = provider.planResourceChange(
          Tfplugin6.PlanResourceChange.Request.newBuilder().setTypeName(TYPE).setPriorState(read.getNewState())
              .setProposedNewState(read.getNewState()).setConfig(config).setPriorPrivate(read.getPrivate()).build());
      boolean unchanged = DynamicValues.decode(noop.getPlannedState(), type)
          .equals(DynamicValues.decode(read.getNewState(), type)) && noop.getRequiresReplaceCount() == 0;
      step("Plan without changes", unchanged, (unchanged ? "no changes" : "unexpected changes") + ", in "
          + since(t));
      t = System.nanoTime();
      Tfplugin6.PlanResourceChange.Response destroyPlan = provider.planResourceChange(
          Tfplugin6.PlanResourceChange.Request.newBuilder().setTypeName(TYPE).setPriorState(read.getNewState())
              .setProposedNewState(none).setConfig(none).setPriorPrivate(read.getPrivate()).build());
      Tfplugin6.ApplyResourceChange.Response destroyed = provider.applyResourceChange(
          Tfplugin6.ApplyResourceChange.Request.newBuilder().setTypeName(TYPE).setPriorState(read.getNewState())
              .setPlannedState(destroyPlan.getPlannedState()).setConfig(none)
              .setPlannedPrivate(destroyPlan.getPlannedPrivate()).build());
      step("Destroy", DynamicValues.decode(destroyed.getNewState(), type).isNull(), "planned and applied null, in "
          + since(t) + diagnostics(destroyed.getDiagnosticsList()));
      Duration exit = refresh.kill();
      step("Shutdown", exit.toMillis() < 2000, "exited in " + millis(exit));
    }
  }

  private void step(String name, boolean ok, String detail) {
    steps.step(name, ok, detail);
  }

  private static String text(Value.ObjectVal state, String attribute) {
    return state.get(attribute) instanceof Value.Str s ? s.value() : "(none)";
  }

  private static String diagnostics(List<Tfplugin6.Diagnostic> diagnostics) {
    StringBuilder text = new StringBuilder();
    for (Tfplugin6.Diagnostic diagnostic : diagnostics) {
      text.append("\n        ").append(diagnostic.getSeverity()).append(": ").append(diagnostic.getSummary())
          .append(" — ").append(diagnostic.getDetail());
    }
    return text.toString();
  }

  private static String since(long startedNanos) {
    return millis(Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  private static String millis(Duration duration) {
    return String.format("%.0f ms", duration.toNanos() / 1e6);
  }
}
