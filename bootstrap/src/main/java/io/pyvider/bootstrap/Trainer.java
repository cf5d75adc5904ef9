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
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of the provider's start-up and request path, in-process and over real mutual TLS, so the JVM can record
 * which classes a real run loads (AppCDS on JDK 17, the AOT cache on JDK 25). Uses a throwaway secret: training
 * never touches the user's key file.
 */
final class Trainer {

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
   * The daemon's warm-up, once at start: a few whole sessions (certificate, TLS, server) and many requests in each,
   * so the compiler has compiled the hot paths before Terraform's next launches arrive.
   */
  static void warmUp(HcLog log, int requestRounds) {
    long started = System.nanoTime();
    int longSessions = 2;
    int handshakes = Math.max(2, requestRounds / 10);
    try {
      for (int session = 0; session < longSessions; session++) {
        exerciseSession(requestRounds, Crypto.terraformLikeIssuer(HostModule.systemClock()));
      }
      // Every Terraform launch is a new mutual-TLS handshake with a P-521 client certificate: warm that path too.
      for (int session = 0; session < handshakes; session++) {
        exerciseSession(1, Crypto.terraformLikeIssuer(HostModule.systemClock()));
      }
      log.info("daemon warmed up", "sessions", String.valueOf(longSessions + handshakes), "request_rounds",
          String.valueOf(requestRounds), "ms", String.valueOf((System.nanoTime() - started) / 1_000_000));
    } catch (Exception failed) {
      log.warn("daemon warm-up failed", "error", failed.getClass().getName());
    }
  }

  private static void exerciseSession(int rounds) throws Exception {
    exerciseSession(rounds, null);
  }

  /** One whole session over mutual TLS; {@code clients} issues the client certificate (null: the server's issuer). */
  private static void exerciseSession(int rounds, CertificateIssuer clients) throws Exception {
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
        for (int round = 0; round < rounds; round++) {
          exercise(connection.provider(), component.providerService().schemas().resources());
        }
      }
    } finally {
      running.stop();
    }
  }

  private static void exercise(ProviderGrpc.ProviderBlockingStub provider, Map<String, Schema> resources) {
    Tfplugin6.GetProviderSchema.Response schemas =
        provider.getProviderSchema(Tfplugin6.GetProviderSchema.Request.getDefaultInstance());
    String type = "pyvider_timed_token";
    Schema schema = resources.get(type);
    if (!schemas.containsResourceSchemas(type) || schema == null) {
      return;
    }
    CtyType.ObjectOf objectType = schema.block().impliedType();
    Map<String, Value> attributes = new TreeMap<>(schema.block().emptyValue().attributes());
    attributes.put("name", Value.string("training"));
    Value config = Value.ObjectVal.of(attributes);
    Tfplugin6.DynamicValue wireConfig = DynamicValues.encode(config, objectType);
    Tfplugin6.DynamicValue none = DynamicValues.encode(Value.nullOf(objectType), objectType);
    provider.configureProvider(Tfplugin6.ConfigureProvider.Request.getDefaultInstance());
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
    provider.stopProvider(Tfplugin6.StopProvider.Request.getDefaultInstance());
  }
}
