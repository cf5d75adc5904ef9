package io.pyvider.bootstrap.e2e;

import static io.pyvider.bootstrap.e2e.TimedTokens.TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.pyvider.adapters.grpc.proto.ProviderGrpc;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests: each must come back as an ERROR diagnostic in a normal response, never as a gRPC error or a
 * dead process, and the provider must keep serving. One process serves all cases; should a case kill it, the next
 * case gets a fresh one, so every case is judged on its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

  private Path home;
  private TerraformSimulator terraform;
  private ResourceSchema schema;
  private CtyType.ObjectOf type;
  private ProviderProcess provider;

  @BeforeAll
  void startTerraform() throws Exception {
    home = Files.createTempDirectory("pyvider-e2e-bad-input");
    terraform = new TerraformSimulator(ProviderLaunch.binary(home));
    schema = terraform.resource(TYPE);
    type = schema.impliedType();
  }

  @BeforeEach
  void aServingProvider() {
    if (provider == null || !provider.process().isAlive()) {
      provider = terraform.start("bad-input");
    }
  }

  @AfterAll
  void stopTerraform() throws Exception {
    try {
      terraform.close();
    } finally {
      TestFiles.deleteTree(home);
    }
  }

  static Stream<Arguments> undecodableValues() {
    List<String> payloads = List.of("garbage bytes", "a truncated map", "trailing bytes", "an unknown extension type");
    List<String> fields = List.of("ValidateResourceConfig.config", "PlanResourceChange.config",
        "PlanResourceChange.prior_state", "PlanResourceChange.proposed_new_state", "ReadResource.current_state",
        "ApplyResourceChange.planned_state");
    return payloads.stream().flatMap(payload -> fields.stream().map(field -> Arguments.of(payload, field)));
  }

  @ParameterizedTest(name = "{0} in {1} is an error diagnostic")
  @MethodSource("undecodableValues")
  void undecodable_msgpack_is_an_error_diagnostic_and_the_provider_keeps_serving(String payload, String field) {
    byte[] good = CtyMsgpack.encode(TimedTokens.config(schema, "bad-input"), type);
    byte[] bad = switch (payload) {
      case "garbage bytes" -> new byte[] {(byte) 0xc1, 0x13, 0x37, (byte) 0xff, 0x00};
      case "a truncated map" -> Arrays.copyOf(good, good.length / 2);
      case "trailing bytes" -> concat(good, new byte[] {(byte) 0xc3, 0x01});
      default -> RawMsgpack.objectWith(type, "name", p -> p.packExtensionTypeHeader((byte) 7, 2)
          .writePayload(new byte[] {1, 2}));
    };
    assertErrorDiagnostic(field, send(field, bad));
  }

  @Test
  void an_unknown_resource_type_is_an_error_diagnostic_in_every_resource_rpc() {
    String unknown = "pyvider_no_such_resource";
    Tfplugin6.DynamicValue nil = nil();
    expectErrorNaming(unknown, "ValidateResourceConfig", s -> s.validateResourceConfig(Tfplugin6.ValidateResourceConfig
        .Request.newBuilder().setTypeName(unknown).setConfig(nil).build()).getDiagnosticsList());
    expectErrorNaming(unknown, "PlanResourceChange", s -> s.planResourceChange(Tfplugin6.PlanResourceChange.Request
        .newBuilder().setTypeName(unknown).setPriorState(nil).setProposedNewState(nil).setConfig(nil).build())
        .getDiagnosticsList());
    expectErrorNaming(unknown, "ApplyResourceChange", s -> s.applyResourceChange(Tfplugin6.ApplyResourceChange
        .Request.newBuilder().setTypeName(unknown).setPriorState(nil).setPlannedState(nil).setConfig(nil).build())
        .getDiagnosticsList());
    expectErrorNaming(unknown, "ReadResource", s -> s.readResource(Tfplugin6.ReadResource.Request.newBuilder()
        .setTypeName(unknown).setCurrentState(nil).build()).getDiagnosticsList());
    expectErrorNaming(unknown, "UpgradeResourceState", s -> s.upgradeResourceState(Tfplugin6.UpgradeResourceState
        .Request.newBuilder().setTypeName(unknown).setVersion(0).setRawState(Tfplugin6.RawState.newBuilder()
            .setJson(ByteString.copyFromUtf8("{}"))).build()).getDiagnosticsList());
    expectErrorNaming(unknown, "ImportResourceState", s -> s.importResourceState(Tfplugin6.ImportResourceState
        .Request.newBuilder().setTypeName(unknown).setId("x").build()).getDiagnosticsList());
  }

  @Test
  void an_unknown_data_source_type_is_an_error_diagnostic() {
    String unknown = "pyvider_no_such_data_source";
    expectErrorNaming(unknown, "ValidateDataResourceConfig", s -> s.validateDataResourceConfig(
        Tfplugin6.ValidateDataResourceConfig.Request.newBuilder().setTypeName(unknown).setConfig(nil()).build())
        .getDiagnosticsList());
    expectErrorNaming(unknown, "ReadDataSource", s -> s.readDataSource(Tfplugin6.ReadDataSource.Request.newBuilder()
        .setTypeName(unknown).setConfig(nil()).build()).getDiagnosticsList());
  }

  @Test
  void a_number_where_the_name_string_belongs_is_an_error_diagnostic() {
    byte[] numberName = RawMsgpack.objectWith(type, "name", p -> p.packInt(42));
    assertErrorDiagnostic("ValidateResourceConfig", send("ValidateResourceConfig.config", numberName));
    assertErrorDiagnostic("PlanResourceChange", send("PlanResourceChange.config", numberName));
  }

  @Test
  void an_object_with_fewer_attributes_than_the_schema_is_an_error_diagnostic() {
    byte[] onlyName = RawMsgpack.map(p -> p.packMapHeader(1).packString("name").packString("short"));
    assertErrorDiagnostic("ValidateResourceConfig", send("ValidateResourceConfig.config", onlyName));
    assertErrorDiagnostic("PlanResourceChange", send("PlanResourceChange.config", onlyName));
  }

  @Test
  void a_null_required_name_is_an_error_diagnostic_at_the_path_name() {
    byte[] nullName = CtyMsgpack.encode(schema.config(java.util.Map.of("name", Value.nullOf(CtyType.STRING))), type);
    for (String field : List.of("ValidateResourceConfig.config", "PlanResourceChange.config")) {
      List<Diag> diagnostics = send(field, nullName);
      assertErrorDiagnostic(field, diagnostics);
      assertTrue(Diag.errors(diagnostics).stream().anyMatch(d -> d.path().equals("name")),
          () -> field + ": no error at path name: " + diagnostics);
    }
  }

  private List<Diag> send(String field, byte[] bad) {
    Tfplugin6.DynamicValue value = Tfplugin6.DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(bad)).build();
    Tfplugin6.DynamicValue config = ProviderRpc.dynamic(TimedTokens.config(schema, "bad-input"), type);
    Tfplugin6.DynamicValue nil = nil();
    return call(field, s -> switch (field) {
      case "ValidateResourceConfig.config" -> s.validateResourceConfig(Tfplugin6.ValidateResourceConfig.Request
          .newBuilder().setTypeName(TYPE).setConfig(value).build()).getDiagnosticsList();
      case "PlanResourceChange.config", "PlanResourceChange.prior_state", "PlanResourceChange.proposed_new_state" ->
          s.planResourceChange(Tfplugin6.PlanResourceChange.Request.newBuilder().setTypeName(TYPE)
              .setPriorState(field.endsWith("prior_state") ? value : nil)
              .setProposedNewState(field.endsWith("proposed_new_state") ? value : config)
              .setConfig(field.endsWith(".config") ? value : config)
              .setClientCapabilities(ProviderRpc.CAPABILITIES).build()).getDiagnosticsList();
      case "ReadResource.current_state" -> s.readResource(Tfplugin6.ReadResource.Request.newBuilder()
          .setTypeName(TYPE).setCurrentState(value).build()).getDiagnosticsList();
      case "ApplyResourceChange.planned_state" -> s.applyResourceChange(Tfplugin6.ApplyResourceChange.Request
          .newBuilder().setTypeName(TYPE).setPriorState(nil).setPlannedState(value).setConfig(config).build())
          .getDiagnosticsList();
      default -> throw new IllegalArgumentException(field);
    });
  }

  private void expectErrorNaming(String typeName, String rpc,
      Function<ProviderGrpc.ProviderBlockingStub, List<Tfplugin6.Diagnostic>> send) {
    List<Diag> diagnostics = call(rpc, send);
    assertErrorDiagnostic(rpc, diagnostics);
    assertTrue(Diag.errors(diagnostics).stream().anyMatch(d -> (d.summary() + d.detail()).contains(typeName)),
        () -> rpc + ": the error does not name " + typeName + ": " + diagnostics);
  }

  private List<Diag> call(String what, Function<ProviderGrpc.ProviderBlockingStub, List<Tfplugin6.Diagnostic>> send) {
    try {
      return Diag.of(send.apply(provider.provider()));
    } catch (StatusRuntimeException transport) {
      throw new AssertionError(what + ": a gRPC error instead of a diagnostic (Terraform: \"Plugin error\"): "
          + transport.getStatus() + provider.stderrTail());
    }
  }

  private void assertErrorDiagnostic(String what, List<Diag> diagnostics) {
    assertTrue(Diag.hasErrors(diagnostics), () -> what + ": no ERROR diagnostic: " + diagnostics);
    assertTrue(Diag.errors(diagnostics).stream().noneMatch(d -> d.summary().isBlank()), what + ": blank summary");
    assertStillServing();
  }

  private void assertStillServing() {
    assertTrue(provider.process().isAlive(), () -> "the provider died" + provider.stderrTail());
    assertTrue(provider.connect().healthy(), "health after bad input");
    List<Diag> fine = call("ValidateResourceConfig(good)", s -> s.validateResourceConfig(Tfplugin6
        .ValidateResourceConfig.Request.newBuilder().setTypeName(TYPE)
        .setConfig(ProviderRpc.dynamic(TimedTokens.config(schema, "good"), type)).build()).getDiagnosticsList());
    assertEquals(List.of(), Diag.errors(fine), "a good request after bad input");
  }

  private static Tfplugin6.DynamicValue nil() {
    return Tfplugin6.DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(new byte[] {(byte) 0xc0})).build();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
