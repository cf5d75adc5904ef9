package io.pyvider.bootstrap;

import io.grpc.BindableService;
import io.pyvider.adapters.grpc.client.PluginClient;
import io.pyvider.adapters.grpc.client.PluginProcess;
import io.pyvider.adapters.grpc.plugin.Handshake;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.plugin.PluginEnvironment;
import io.pyvider.adapters.grpc.plugin.PluginServer;
import io.pyvider.adapters.grpc.proto.ProviderGrpc;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.adapters.grpc.toproto.DynamicValues;
import io.pyvider.adapters.host.HostModule;
import io.pyvider.adapters.crypto.Crypto;
import io.pyvider.application.port.out.CertificateIssuer;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.TlsIdentity;
import io.pyvider.bootstrap.daemon.Daemon;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.Schema;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of the provider's start-up and request path, in-process and over real mutual TLS, so the JVM can record
 * which classes a real run loads (AppCDS on JDK 17, the AOT cache on JDK 25). Uses a throwaway secret: training
 * never touches the user's key file.
 */
final class Trainer {

  /** Terraform's default {@code -parallelism}: how many calls a graph walk has in flight on one connection. */
  static final int TERRAFORM_PARALLELISM = 10;
  /** At most this many warm-up sessions, should the JIT never go quiet. */
  static final int MAX_WARM_UP_SESSIONS = 40;
  /** The JIT is quiet when compiling took less than this share of a warm-up session's time. */
  static final double QUIET_COMPILE_SHARE = 0.1;
  /** After each warm-up session, pauses of this length until the compilers' queue has run dry... */
  static final long SETTLE_MILLIS = 250;
  /** ...but no more of them than this. */
  static final int MAX_SETTLE_PAUSES = 40;
  /** How often a waiting warm-up asks again whether it may go on. */
  static final long GATE_POLL_MILLIS = 250;

  private Trainer() {
  }

  static int run() {
    try {
      exerciseSession(1);
      return 0;
    } catch (Exception failed) {
      System.err.println("terraform-provider-pyvider --train failed: " + failed);
      return 1;
    }
  }

  /**
   * The daemon's warm-up, once at start: whole sessions (certificate, mutual TLS with a P-521 client certificate as
   * Terraform makes, server) with {@link #TERRAFORM_PARALLELISM} callers in each, as Terraform's graph walk calls, until
   * the JIT goes quiet: a session in which compiling took under {@link #QUIET_COMPILE_SHARE} of the session's time (or
   * {@link #MAX_WARM_UP_SESSIONS}). After each session it waits for the compilers to work through what it queued. The optimising compiler needs tens of seconds of CPU for the request path;
   * paid here, it is not paid inside Terraform's commands. Sequential calls would leave the paths of concurrent
   * streams on one connection cold. Works only while {@code mayGoOn} says so (no session open): a session that
   * arrives stops the callers at their next round, and the warm-up waits for the daemon to be quiet again.
   */
  static void warmUp(HcLog log, int requestRounds, Daemon.WarmUpGate mayGoOn) throws InterruptedException {
    long started = System.nanoTime();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
    int sessions = 0;
    boolean quiet = false;
    try {
      while (sessions < MAX_WARM_UP_SESSIONS && !quiet) {
        while (!mayGoOn.open()) {
          Thread.sleep(GATE_POLL_MILLIS);
        }
        long compiledBefore = measurable ? jit.getTotalCompilationTime() : 0;
        long sessionStarted = System.nanoTime();
        boolean whole = exerciseSession(requestRounds, Crypto.terraformLikeIssuer(HostModule.systemClock()),
            TERRAFORM_PARALLELISM, mayGoOn);
        sessions++;
        long sessionMillis = (System.nanoTime() - sessionStarted) / 1_000_000;
        long compiledMillis = measurable ? jit.getTotalCompilationTime() - compiledBefore : sessionMillis;
        // The compilers work through a queue; more calls before it has run dry only queue more of the same work.
        long settledMillis = settle(jit, measurable);
        log.debug("warm-up session", "ms", String.valueOf(sessionMillis), "compiled_ms",
            String.valueOf(compiledMillis), "settled_ms", String.valueOf(settledMillis));
        quiet = whole && compiledMillis < QUIET_COMPILE_SHARE * sessionMillis;
      }
      log.info("daemon warmed up", "sessions", String.valueOf(sessions), "request_rounds",
          String.valueOf(requestRounds), "jit_quiet", String.valueOf(quiet),
          "ms", String.valueOf((System.nanoTime() - started) / 1_000_000));
    } catch (InterruptedException | Daemon.WarmUpAbandoned stopped) {
      throw stopped;
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof Daemon.WarmUpAbandoned abandoned) {
        throw abandoned;
      }
      log.warn("daemon warm-up failed", "error", failed.getCause().getClass().getName());
    } catch (Exception failed) {
      log.warn("daemon warm-up failed", "error", failed.getClass().getName());
    }
  }

  private static void exerciseSession(int rounds) throws Exception {
    exerciseSession(rounds, null, 1, () -> true);
  }

  /**
   * One whole session over mutual TLS; {@code clients} issues the client certificate (null: the server's issuer);
   * {@code callers} threads each make up to {@code rounds} rounds of calls on the one connection, each round only while
   * {@code mayGoOn} says so. True when every round was made.
   */
  private static boolean exerciseSession(int rounds, CertificateIssuer clients, int callers,
      Daemon.WarmUpGate mayGoOn) throws Exception {
    // A throwaway secret: training never touches the user's key file.
    Environment bootstrap = Environment.of(Map.of("PYVIDER_PRIVATE_STATE_SHARED_SECRET", "training-only-secret"));
    ProviderComponent component = ProviderComponent.create(bootstrap, HostModule.processWorkingDirectory(),
        HostModule.systemClock(), HcLog.off("warm-up", HostModule.systemClock()));
    TlsIdentity server = component.certificateIssuer().issueSelfSigned();
    TlsIdentity client = (clients != null ? clients : component.certificateIssuer()).issueSelfSigned();
    PluginEnvironment plugin = PluginEnvironment.read(Environment.of(Map.of(
        PluginEnvironment.COOKIE_KEY, PluginEnvironment.COOKIE_VALUE, "PLUGIN_PROTOCOL_VERSIONS", "5,6",
        "PLUGIN_CLIENT_CERT", PluginProcess.pem(client))));
    PluginServer running = PluginServer.start(plugin,
        PluginServer.tls(server, plugin.clientCertificatePem().orElseThrow()),
        List.<BindableService>of(component.terraformProviderService()), () -> { });
    try {
      String line = Handshake.line(6, "127.0.0.1", running.port(), server.certificate());
      try (PluginClient connection = PluginClient.connect(PluginClient.HandshakeLine.parse(line), client)) {
        connection.healthy();
        String type = "pyvider_timed_token";
        Schema schema = component.providerService().schemas().resources().get(type);
        if (schema == null || !open(connection.provider(), type)) {
          return false;
        }
        AtomicBoolean whole = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(callers, work -> {
          Thread thread = new Thread(work, "warm-up-caller");
          thread.setDaemon(true);
          return thread;
        });
        try {
          List<Future<?>> calls = new ArrayList<>();
          for (int caller = 0; caller < callers; caller++) {
            calls.add(pool.submit(() -> {
              for (int round = 0; round < rounds; round++) {
                if (!mayGoOn.open()) {
                  whole.set(false);
                  return;
                }
                exercise(connection.provider(), type, schema);
              }
            }));
          }
          for (Future<?> call : calls) {
            call.get();
          }
        } finally {
          pool.shutdownNow();
        }
        connection.provider().stopProvider(Tfplugin6.StopProvider.Request.getDefaultInstance());
        return whole.get();
      }
    } finally {
      running.stop();
    }
  }

  /**
   * Waits until the compilers have been idle for most of a {@link #SETTLE_MILLIS} pause, or for
   * {@link #MAX_SETTLE_PAUSES} pauses; returns how long it waited.
   */
  private static long settle(CompilationMXBean jit, boolean measurable) throws InterruptedException {
    long started = System.nanoTime();
    for (int pause = 0; pause < MAX_SETTLE_PAUSES; pause++) {
      long before = measurable ? jit.getTotalCompilationTime() : 0;
      Thread.sleep(SETTLE_MILLIS);
      if (!measurable || jit.getTotalCompilationTime() - before < QUIET_COMPILE_SHARE * SETTLE_MILLIS) {
        break;
      }
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** A walk's opening calls, once per session: the schema (the schema walk) and the provider's configuration. */
  private static boolean open(ProviderGrpc.ProviderBlockingStub provider, String type) {
    Tfplugin6.GetProviderSchema.Response schemas =
        provider.getProviderSchema(Tfplugin6.GetProviderSchema.Request.getDefaultInstance());
    provider.configureProvider(Tfplugin6.ConfigureProvider.Request.getDefaultInstance());
    return schemas.containsResourceSchemas(type);
  }

  /** One resource's whole life as Terraform's walks call it: plan, apply, refresh, plan again, upgrade, destroy. */
  private static void exercise(ProviderGrpc.ProviderBlockingStub provider, String type, Schema schema) {
    CtyType.ObjectOf objectType = schema.block().impliedType();
    Map<String, Value> attributes = new TreeMap<>(schema.block().emptyValue().attributes());
    attributes.put("name", Value.string("training"));
    Value config = Value.ObjectVal.of(attributes);
    Tfplugin6.DynamicValue wireConfig = DynamicValues.encode(config, objectType);
    Tfplugin6.DynamicValue none = DynamicValues.encode(Value.nullOf(objectType), objectType);
    provider.validateResourceConfig(Tfplugin6.ValidateResourceConfig.Request.newBuilder().setTypeName(type)
        .setConfig(wireConfig).build());
    Tfplugin6.PlanResourceChange.Response plan = provider.planResourceChange(
        Tfplugin6.PlanResourceChange.Request.newBuilder().setTypeName(type).setPriorState(none)
            .setProposedNewState(wireConfig).setConfig(wireConfig).build());
    Tfplugin6.ApplyResourceChange.Response applied = provider.applyResourceChange(
        Tfplugin6.ApplyResourceChange.Request.newBuilder().setTypeName(type).setPriorState(none)
            .setPlannedState(plan.getPlannedState()).setConfig(wireConfig)
            .setPlannedPrivate(plan.getPlannedPrivate()).build());
    Tfplugin6.ReadResource.Response read = provider.readResource(Tfplugin6.ReadResource.Request.newBuilder()
        .setTypeName(type).setCurrentState(applied.getNewState()).setPrivate(applied.getPrivate()).build());
    provider.planResourceChange(Tfplugin6.PlanResourceChange.Request.newBuilder().setTypeName(type)
        .setPriorState(read.getNewState()).setProposedNewState(read.getNewState()).setConfig(wireConfig)
        .setPriorPrivate(read.getPrivate()).build());
    provider.upgradeResourceState(Tfplugin6.UpgradeResourceState.Request.newBuilder().setTypeName(type)
        .setVersion(schema.version()).setRawState(Tfplugin6.RawState.newBuilder()
            .setJson(com.google.protobuf.ByteString.copyFromUtf8("{\"name\":\"training\"}"))).build());
    Tfplugin6.PlanResourceChange.Response destroy = provider.planResourceChange(
        Tfplugin6.PlanResourceChange.Request.newBuilder().setTypeName(type).setPriorState(read.getNewState())
            .setProposedNewState(none).setConfig(none).setPriorPrivate(read.getPrivate()).build());
    provider.applyResourceChange(Tfplugin6.ApplyResourceChange.Request.newBuilder().setTypeName(type)
        .setPriorState(read.getNewState()).setPlannedState(destroy.getPlannedState()).setConfig(none)
        .setPlannedPrivate(destroy.getPlannedPrivate()).build());
  }
}
