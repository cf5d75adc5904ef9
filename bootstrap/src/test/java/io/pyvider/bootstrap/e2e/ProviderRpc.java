package io.pyvider.bootstrap.e2e;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.pyvider.adapters.grpc.proto.ProviderGrpc;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Single provider RPCs as Terraform's GRPCProvider sends them (internal/plugin6/grpc_provider.go) and the checks
 * Terraform Core applies to each answer: a gRPC error or an ERROR diagnostic fails the step; values must decode
 * against the schema; results that Terraform stores must be wholly known; write-only attributes must be null.
 */
final class ProviderRpc {

  static final Tfplugin6.ClientCapabilities CAPABILITIES = Tfplugin6.ClientCapabilities.newBuilder()
      .setDeferralAllowed(false).setWriteOnlyAttributesAllowed(true).build();

  private final TerraformSimulator terraform;
  private final ProviderProcess process;
  private final List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());

  ProviderRpc(TerraformSimulator terraform, ProviderProcess process) {
    this.terraform = terraform;
    this.process = process;
  }

  ProviderGrpc.ProviderBlockingStub stub() {
    return process.provider();
  }

  /** The RPCs sent so far, in order, with a note where the same RPC plays different roles. */
  List<String> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  static Tfplugin6.DynamicValue dynamic(Value value, CtyType type) {
    return Tfplugin6.DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(CtyMsgpack.encode(value, type))).build();
  }

  /** NodeApplyableProvider.ConfigureProvider: ValidateProviderConfig, then ConfigureProvider (empty provider block). */
  void configure() {
    ResourceSchema provider = terraform.providerConfigSchema();
    Tfplugin6.DynamicValue config = dynamic(provider.config(java.util.Map.of()), provider.impliedType());
    succeed("ValidateProviderConfig", () -> Diag.of(stub().validateProviderConfig(
        Tfplugin6.ValidateProviderConfig.Request.newBuilder().setConfig(config).build()).getDiagnosticsList()));
    succeed("ConfigureProvider", () -> Diag.of(stub().configureProvider(Tfplugin6.ConfigureProvider.Request
        .newBuilder().setTerraformVersion(TerraformSimulator.TERRAFORM_VERSION).setConfig(config)
        .setClientCapabilities(CAPABILITIES).build()).getDiagnosticsList()));
  }

  List<Diag> validate(String typeName, Value config) {
    ResourceSchema schema = terraform.resource(typeName);
    return succeed("ValidateResourceConfig", () -> Diag.of(stub().validateResourceConfig(
        Tfplugin6.ValidateResourceConfig.Request.newBuilder().setTypeName(typeName)
            .setConfig(dynamic(config, schema.impliedType())).setClientCapabilities(CAPABILITIES).build())
        .getDiagnosticsList()));
  }

  /** upgradeResourceState: the result must decode, be wholly known, non-null, and leave write-only attributes null. */
  Answer upgrade(String typeName, long version, byte[] json) {
    ResourceSchema schema = terraform.resource(typeName);
    Tfplugin6.UpgradeResourceState.Response response = call("UpgradeResourceState", () -> stub().upgradeResourceState(
        Tfplugin6.UpgradeResourceState.Request.newBuilder().setTypeName(typeName).setVersion(version)
            .setRawState(Tfplugin6.RawState.newBuilder().setJson(ByteString.copyFrom(json))).build()));
    List<Diag> diagnostics = noErrors("UpgradeResourceState", Diag.of(response.getDiagnosticsList()));
    Value upgraded = decode("UpgradeResourceState.upgraded_state", response.getUpgradedState(), schema);
    stored("Invalid resource state upgrade", schema, upgraded);
    require(!upgraded.isNull(), "UpgradeResourceState returned a null object for a stored one");
    return new Answer(upgraded, new byte[0], List.of(), diagnostics);
  }

  /** refresh's ReadResource: known, conforming; the response's private replaces the stored one. */
  Answer read(String typeName, Value current, byte[] privateBytes) {
    ResourceSchema schema = terraform.resource(typeName);
    Tfplugin6.ReadResource.Response response = call("ReadResource", () -> stub().readResource(
        Tfplugin6.ReadResource.Request.newBuilder().setTypeName(typeName)
            .setCurrentState(dynamic(current, schema.impliedType())).setPrivate(ByteString.copyFrom(privateBytes))
            .setClientCapabilities(CAPABILITIES).build()));
    List<Diag> diagnostics = noErrors("ReadResource", Diag.of(response.getDiagnosticsList()));
    require(!response.hasDeferred(), "ReadResource deferred although Terraform did not allow deferrals");
    Value refreshed = decode("ReadResource.new_state", response.getNewState(), schema);
    stored("Provider produced invalid object during refresh", schema, refreshed);
    return new Answer(refreshed, response.getPrivate().toByteArray(), List.of(), diagnostics);
  }

  Answer plan(String typeName, Value prior, byte[] priorPrivate, Value config, Value proposed, String role) {
    ResourceSchema schema = terraform.resource(typeName);
    CtyType type = schema.impliedType();
    Tfplugin6.PlanResourceChange.Response response = call("PlanResourceChange" + role, () -> stub()
        .planResourceChange(Tfplugin6.PlanResourceChange.Request.newBuilder().setTypeName(typeName)
            .setPriorState(dynamic(prior, type)).setProposedNewState(dynamic(proposed, type))
            .setConfig(dynamic(config, type)).setPriorPrivate(ByteString.copyFrom(priorPrivate))
            .setClientCapabilities(CAPABILITIES).build()));
    List<Diag> diagnostics = noErrors("PlanResourceChange" + role, Diag.of(response.getDiagnosticsList()));
    require(!response.hasDeferred(), "Provider deferred changes when Terraform did not allow deferrals");
    Value planned = decode("PlanResourceChange.planned_state", response.getPlannedState(), schema);
    List<String> writeOnly = TerraformChecks.writeOnlyViolations(schema, planned);
    require(writeOnly.isEmpty(), "Provider produced invalid plan: write-only values planned at " + writeOnly);
    return new Answer(planned, response.getPlannedPrivate().toByteArray(), response.getRequiresReplaceList(),
        diagnostics);
  }

  Answer apply(String typeName, Value prior, Value planned, Value config, byte[] plannedPrivate, String role) {
    ResourceSchema schema = terraform.resource(typeName);
    CtyType type = schema.impliedType();
    Tfplugin6.ApplyResourceChange.Response response = call("ApplyResourceChange" + role, () -> stub()
        .applyResourceChange(Tfplugin6.ApplyResourceChange.Request.newBuilder().setTypeName(typeName)
            .setPriorState(dynamic(prior, type)).setPlannedState(dynamic(planned, type))
            .setConfig(dynamic(config, type)).setPlannedPrivate(ByteString.copyFrom(plannedPrivate)).build()));
    List<Diag> diagnostics = noErrors("ApplyResourceChange" + role, Diag.of(response.getDiagnosticsList()));
    Value result = decode("ApplyResourceChange.new_state", response.getNewState(), schema);
    stored("Provider returned invalid result object after apply", schema, result);
    return new Answer(result, response.getPrivate().toByteArray(), List.of(), diagnostics);
  }

  /** ValidateEphemeralResourceConfig; errors are returned, not thrown, so tests can check them. */
  List<Diag> validateEphemeral(String typeName, Value config) {
    ResourceSchema schema = terraform.ephemeral(typeName);
    return Diag.of(call("ValidateEphemeralResourceConfig", () -> stub().validateEphemeralResourceConfig(
        Tfplugin6.ValidateEphemeralResourceConfig.Request.newBuilder().setTypeName(typeName)
            .setConfig(dynamic(config, schema.impliedType())).build())).getDiagnosticsList());
  }

  /**
   * OpenEphemeralResource as ephemeralResourceOpen sends it (no client capabilities set); the result must decode,
   * be wholly known and be a valid plan from nothing for the configuration (objchange.AssertPlanValid).
   */
  Opened openEphemeral(String typeName, Value config) {
    ResourceSchema schema = terraform.ephemeral(typeName);
    Tfplugin6.OpenEphemeralResource.Response response = call("OpenEphemeralResource", () -> stub()
        .openEphemeralResource(Tfplugin6.OpenEphemeralResource.Request.newBuilder().setTypeName(typeName)
            .setConfig(dynamic(config, schema.impliedType()))
            .setClientCapabilities(Tfplugin6.ClientCapabilities.getDefaultInstance()).build()));
    List<Diag> diagnostics = noErrors("OpenEphemeralResource", Diag.of(response.getDiagnosticsList()));
    require(!response.hasDeferred(), "OpenEphemeralResource deferred although Terraform did not allow deferrals");
    Value result = decode("OpenEphemeralResource.result", response.getResult(), schema);
    List<String> problems = TerraformChecks.planProblems(schema, Value.nullOf(schema.impliedType()), config, result);
    require(problems.isEmpty(), "Provider produced invalid ephemeral resource instance: " + problems);
    require(TerraformChecks.unknownPaths(result).isEmpty(), "OpenEphemeralResource returned unknown values "
        + TerraformChecks.unknownPaths(result));
    terraform.rememberSensitive(schema, result);
    java.util.Optional<java.time.Instant> renewAt = response.hasRenewAt()
        ? java.util.Optional.of(java.time.Instant.ofEpochSecond(response.getRenewAt().getSeconds(),
        response.getRenewAt().getNanos())) : java.util.Optional.empty();
    return new Opened(result, response.getPrivate().toByteArray(), renewAt, diagnostics);
  }

  /** An opened ephemeral resource: its value, private bytes, when Terraform would renew it, diagnostics. */
  record Opened(Value value, byte[] privateBytes, java.util.Optional<java.time.Instant> renewAt,
      List<Diag> diagnostics) {
  }

  /** RenewEphemeralResource; diagnostics are returned (Terraform 1.15 drops them; other clients show them). */
  Tfplugin6.RenewEphemeralResource.Response renewEphemeral(String typeName, byte[] privateBytes) {
    Tfplugin6.RenewEphemeralResource.Response response = call("RenewEphemeralResource", () -> stub()
        .renewEphemeralResource(Tfplugin6.RenewEphemeralResource.Request.newBuilder().setTypeName(typeName)
            .setPrivate(ByteString.copyFrom(privateBytes)).build()));
    terraform.recordDiagnostics(process.label(), Diag.of(response.getDiagnosticsList()));
    return response;
  }

  /** CloseEphemeralResource with Open's private data; diagnostics are returned. */
  List<Diag> closeEphemeral(String typeName, byte[] privateBytes) {
    List<Diag> diagnostics = Diag.of(call("CloseEphemeralResource", () -> stub().closeEphemeralResource(
        Tfplugin6.CloseEphemeralResource.Request.newBuilder().setTypeName(typeName)
            .setPrivate(ByteString.copyFrom(privateBytes)).build())).getDiagnosticsList());
    terraform.recordDiagnostics(process.label(), diagnostics);
    return diagnostics;
  }

  /** ValidateActionConfig (its request names the action in type_name, not action_type); diagnostics are returned. */
  List<Diag> validateAction(String typeName, Value.ObjectVal config) {
    ResourceSchema schema = terraform.action(typeName);
    terraform.rememberSensitiveConfiguration(schema, config);
    List<Diag> diagnostics = Diag.of(call("ValidateActionConfig", () -> stub().validateActionConfig(
        Tfplugin6.ValidateActionConfig.Request.newBuilder().setTypeName(typeName)
            .setConfig(dynamic(config, schema.impliedType())).build())).getDiagnosticsList());
    terraform.recordDiagnostics(process.label(), diagnostics);
    return diagnostics;
  }

  /** PlanAction as GRPCProvider sends it (deferrals not allowed); diagnostics are returned. */
  List<Diag> planAction(String typeName, Value.ObjectVal config) {
    ResourceSchema schema = terraform.action(typeName);
    terraform.rememberSensitiveConfiguration(schema, config);
    Tfplugin6.PlanAction.Response response = call("PlanAction", () -> stub().planAction(
        Tfplugin6.PlanAction.Request.newBuilder().setActionType(typeName)
            .setConfig(dynamic(config, schema.impliedType())).setClientCapabilities(CAPABILITIES).build()));
    List<Diag> diagnostics = Diag.of(response.getDiagnosticsList());
    terraform.recordDiagnostics(process.label(), diagnostics);
    require(!response.hasDeferred() || Diag.hasErrors(diagnostics),
        "PlanAction deferred although Terraform did not allow deferrals");
    return diagnostics;
  }

  /**
   * InvokeAction, reading the event stream as GRPCProvider.InvokeAction does. A gRPC error fails the call (Terraform
   * would report it as the action's failure, losing what the provider meant to say); an event that is neither
   * progress nor completed would make Terraform panic; exactly one completed event must come, and last.
   */
  ActionRun invokeAction(String typeName, Value.ObjectVal config) {
    ResourceSchema schema = terraform.action(typeName);
    terraform.rememberSensitiveConfiguration(schema, config);
    ActionRun run = call("InvokeAction", () -> events(stub().invokeAction(
        Tfplugin6.InvokeAction.Request.newBuilder().setActionType(typeName)
            .setConfig(dynamic(config, schema.impliedType())).setClientCapabilities(CAPABILITIES).build())));
    terraform.recordProgress(process.label(), run.progress());
    terraform.recordDiagnostics(process.label(), run.diagnostics());
    return run;
  }

  private ActionRun events(java.util.Iterator<Tfplugin6.InvokeAction.Event> events) {
    List<String> progress = new ArrayList<>();
    List<Diag> completed = null;
    while (events.hasNext()) {
      Tfplugin6.InvokeAction.Event event = events.next();
      require(completed == null, "InvokeAction sent an event after the completed event: " + event);
      switch (event.getTypeCase()) {
        case PROGRESS -> progress.add(event.getProgress().getMessage());
        case COMPLETED -> completed = Diag.of(event.getCompleted().getDiagnosticsList());
        default -> throw failure("InvokeAction sent an event of no known type (Terraform panics on it): " + event);
      }
    }
    require(completed != null, "InvokeAction ended without a completed event; progress: " + progress);
    return new ActionRun(progress, completed);
  }

  /** An invocation's progress messages, in order, and the diagnostics of its completed event. */
  record ActionRun(List<String> progress, List<Diag> diagnostics) {
  }

  /** A decoded answer: the value, private bytes, requires_replace paths (plans only) and diagnostics. */
  record Answer(Value value, byte[] privateBytes, List<Tfplugin6.AttributePath> requiresReplace,
      List<Diag> diagnostics) {
  }

  private void stored(String what, ResourceSchema schema, Value value) {
    List<String> unknown = TerraformChecks.unknownPaths(value);
    require(unknown.isEmpty(), what + ": still indicated an unknown value for " + schema.typeName() + unknown);
    List<String> writeOnly = TerraformChecks.writeOnlyViolations(schema, value);
    require(writeOnly.isEmpty(), what + ": returned a value for write-only attributes " + writeOnly);
    terraform.rememberSensitive(schema, value);
  }

  /** decodeDynamicValue: msgpack if set, else JSON if set, else null; a non-conforming value is an error. */
  private Value decode(String what, Tfplugin6.DynamicValue dynamic, ResourceSchema schema) {
    if (!dynamic.getMsgpack().isEmpty()) {
      try {
        return CtyMsgpack.decode(dynamic.getMsgpack().toByteArray(), schema.impliedType());
      } catch (CtyMsgpack.WireError error) {
        throw failure(what + " does not decode against the schema of " + schema.typeName() + ": "
            + error.getMessage());
      }
    }
    require(dynamic.getJson().isEmpty(), what + " was sent as JSON; Terraform asks for msgpack in responses");
    return Value.nullOf(schema.impliedType());
  }

  private List<Diag> succeed(String rpc, Supplier<List<Diag>> call) {
    return noErrors(rpc, call(rpc, call));
  }

  <T> T call(String rpc, Supplier<T> call) {
    sent.add(rpc);
    try {
      return call.get();
    } catch (StatusRuntimeException transport) {
      throw failure(rpc + " failed with a gRPC error (Terraform: \"Plugin error\"/\"Plugin did not respond\"): "
          + transport.getStatus());
    }
  }

  private List<Diag> noErrors(String rpc, List<Diag> diagnostics) {
    terraform.recordDiagnostics(process.label(), diagnostics);
    require(!Diag.hasErrors(diagnostics), rpc + " reported errors: " + Diag.errors(diagnostics));
    return diagnostics;
  }

  void require(boolean condition, String problem) {
    if (!condition) {
      throw failure(problem);
    }
  }

  AssertionError failure(String problem) {
    return new AssertionError(process.label() + ": " + problem + "\nRPCs so far: " + sent + process.stderrTail());
  }
}
