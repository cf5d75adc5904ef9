package io.pyvider.bootstrap.e2e;

import io.pyvider.adapters.grpc.proto.ProviderGrpc;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Terraform graph walk in one provider process, replaying what Terraform Core does around each RPC (terraform
 * v1.15.9 node_resource_abstract_instance.go plan/planDestroy/refresh/apply, node_resource_apply_instance.go
 * checkPlannedChange, plans.ResourceInstanceChange.Simplify) and failing with Terraform's complaint whenever Terraform
 * would reject an answer. Closing the walk kills the process the way go-plugin does.
 */
final class Walk implements AutoCloseable {

  private final TerraformSimulator terraform;
  private final ProviderProcess process;
  private final ProviderRpc rpc;
  private final List<Diag> warnings = java.util.Collections.synchronizedList(new ArrayList<>());

  Walk(TerraformSimulator terraform, ProviderProcess process, String label, boolean configure) {
    this.terraform = terraform;
    this.process = process;
    this.rpc = new ProviderRpc(terraform, process);
    if (!terraform.providerSchema().getServerCapabilities().getGetProviderSchemaOptional()) {
      rpc.call("GetProviderSchema", () -> rpc.stub().getProviderSchema(
          Tfplugin6.GetProviderSchema.Request.getDefaultInstance()));
    }
    if (configure) {
      rpc.configure();
    }
  }

  ProviderProcess process() {
    return process;
  }

  ProviderGrpc.ProviderBlockingStub stub() {
    return rpc.stub();
  }

  List<String> rpcsSent() {
    return rpc.sent();
  }

  /** Every warning diagnostic the provider returned in this walk. */
  List<Diag> warnings() {
    synchronized (warnings) {
      return List.copyOf(warnings);
    }
  }

  /** ValidateResourceConfig; an error fails the walk. */
  void validate(String typeName, Value config) {
    warnings.addAll(rpc.validate(typeName, config));
  }

  /** ValidateEphemeralResourceConfig; an error fails the walk. */
  void validateEphemeral(String typeName, Value config) {
    List<Diag> diagnostics = rpc.validateEphemeral(typeName, config);
    rpc.require(!Diag.hasErrors(diagnostics), "ValidateEphemeralResourceConfig reported errors: "
        + Diag.errors(diagnostics));
    warnings.addAll(diagnostics);
  }

  /** ValidateEphemeralResourceConfig's diagnostics, errors included, for tests of validation itself. */
  List<Diag> validateEphemeralDiagnostics(String typeName, Value config) {
    return rpc.validateEphemeral(typeName, config);
  }

  /**
   * ephemeralResourceOpen (terraform v1.15.9 node_resource_ephemeral.go): validate, then open; Terraform opens once
   * per walk that needs the value and closes every opened instance before the walk ends.
   */
  ProviderRpc.Opened openEphemeral(String typeName, Value config) {
    validateEphemeral(typeName, config);
    ProviderRpc.Opened opened = rpc.openEphemeral(typeName, config);
    warnings.addAll(opened.diagnostics());
    return opened;
  }

  /** RenewEphemeralResource with the private data of the last Open or Renew. */
  io.pyvider.adapters.grpc.proto.Tfplugin6.RenewEphemeralResource.Response renewEphemeral(String typeName,
      byte[] privateBytes) {
    return rpc.renewEphemeral(typeName, privateBytes);
  }

  /** CloseEphemeralResource with Open's private data (Terraform never passes a renewed one). */
  List<Diag> closeEphemeral(String typeName, byte[] openPrivate) {
    return rpc.closeEphemeral(typeName, openPrivate);
  }

  /** ValidateActionConfig's diagnostics, errors included (Terraform validates before it plans an action). */
  List<Diag> validateAction(String typeName, Value.ObjectVal config) {
    return rpc.validateAction(typeName, config);
  }

  /** PlanAction's diagnostics, errors included. */
  List<Diag> planAction(String typeName, Value.ObjectVal config) {
    return rpc.planAction(typeName, config);
  }

  /** InvokeAction in the apply walk: the progress and the completed event's diagnostics, errors included. */
  ProviderRpc.ActionRun invokeAction(String typeName, Value.ObjectVal config) {
    return rpc.invokeAction(typeName, config);
  }

  /** UpgradeResourceState of a stored object at the current schema version (done on every read from state). */
  Value upgrade(ResourceState stored) {
    ResourceSchema schema = terraform.resource(stored.typeName());
    return upgrade(stored.typeName(), schema.version(), schema.stateJson(stored.object()));
  }

  Value upgrade(String typeName, long version, byte[] json) {
    ProviderRpc.Answer answer = rpc.upgrade(typeName, version, json);
    warnings.addAll(answer.diagnostics());
    return answer.value();
  }

  /** ReadResource only (the stored object must be upgraded already). */
  ResourceState read(ResourceState current) {
    ProviderRpc.Answer answer = rpc.read(current.typeName(), current.value(), current.privateBytes());
    warnings.addAll(answer.diagnostics());
    return new ResourceState(current.typeName(), answer.value(), answer.privateBytes());
  }

  /** The refresh of a plan walk: UpgradeResourceState, then ReadResource; the response's private replaces ours. */
  Refreshed refresh(ResourceState stored) {
    Value upgraded = upgrade(stored);
    ResourceState read = read(new ResourceState(stored.typeName(), upgraded, stored.privateBytes()));
    return new Refreshed(upgraded, read);
  }

  /** The result of a refresh: the upgraded object and the refreshed state. */
  record Refreshed(Value upgraded, ResourceState state) {
  }

  /** Plans a managed resource; {@code prior} null means a new resource. */
  Change plan(String typeName, ResourceState prior, Value config) {
    return plan(typeName, prior, config, null);
  }

  private Change plan(String typeName, ResourceState prior, Value config, Change previous) {
    ResourceSchema schema = terraform.resource(typeName);
    Value priorValue = prior == null ? Value.nullOf(schema.impliedType()) : prior.value();
    byte[] priorPrivate = prior == null ? new byte[0] : prior.privateBytes();
    validate(typeName, config);
    Value proposed = TerraformChecks.proposedNew(schema, priorValue, config);
    ProviderRpc.Answer first = rpc.plan(typeName, priorValue, priorPrivate, config, proposed, "");
    List<Diag> diagnostics = new ArrayList<>(first.diagnostics());
    checkPlan(schema, priorValue, config, first.value());
    List<String> requiresReplace = new ArrayList<>();
    List<String> replacePaths = new ArrayList<>();
    for (Tfplugin6.AttributePath path : first.requiresReplace()) {
      String rendered = Diag.path(path);
      requiresReplace.add(rendered);
      if (priorValue.isNull()) {
        continue; // ignored on create
      }
      Optional<Value> before = at(priorValue, path);
      Optional<Value> after = at(first.value(), path);
      rpc.require(before.isPresent() || after.isPresent(), "Provider produced invalid plan: indicated "
          + "\"requires replacement\" for a non-existent attribute path " + rendered);
      Value was = before.orElseGet(() -> Value.nullOf(after.get().type()));
      Value will = after.orElseGet(() -> Value.nullOf(was.type()));
      if (!TerraformChecks.knownEqual(was, will)) {
        replacePaths.add(rendered);
      }
    }
    Change.Action action;
    if (priorValue.isNull()) {
      action = Change.Action.CREATE;
    } else if (!replacePaths.isEmpty()) {
      action = Change.Action.DELETE_THEN_CREATE;
    } else if (TerraformChecks.knownEqual(first.value(), priorValue)) {
      action = Change.Action.NO_OP;
    } else {
      action = Change.Action.UPDATE;
    }
    Change change = new Change(typeName, action, priorValue, priorPrivate, config, proposed, first.value(),
        first.privateBytes(), requiresReplace, replacePaths, diagnostics, first.value());
    if (action.isReplace()) {
      // The replacement object: planned again from a null prior, with the first plan's private data.
      Value nullPrior = Value.nullOf(schema.impliedType());
      Value proposed2 = TerraformChecks.proposedNew(schema, nullPrior, config);
      ProviderRpc.Answer second = rpc.plan(typeName, nullPrior, first.privateBytes(), config, proposed2,
          "(replace)");
      checkPlan(schema, nullPrior, config, second.value());
      diagnostics.addAll(second.diagnostics());
      change = new Change(typeName, action, priorValue, priorPrivate, config, proposed2, second.value(),
          second.privateBytes(), requiresReplace, replacePaths, diagnostics, first.value());
    }
    warnings.addAll(Diag.warnings(diagnostics));
    if (previous != null && previous.action().isReplace() && action == Change.Action.CREATE) {
      change = change.withAction(previous.action(), previous.before()); // the old object is already gone
    }
    return change;
  }

  private void checkPlan(ResourceSchema schema, Value prior, Value config, Value planned) {
    List<String> problems = TerraformChecks.planProblems(schema, prior, config, planned);
    rpc.require(problems.isEmpty(), "Provider produced invalid plan for " + schema.typeName() + ": " + problems);
  }

  /** planDestroy in a destroy-mode plan walk: UpgradeResourceState, then PlanResourceChange(proposed null). */
  Change planDestroy(ResourceState stored) {
    ResourceSchema schema = terraform.resource(stored.typeName());
    Value upgraded = upgrade(stored);
    Value nullValue = Value.nullOf(schema.impliedType());
    byte[] plannedPrivate = stored.privateBytes();
    List<Diag> diagnostics = List.of();
    if (terraform.providerSchema().getServerCapabilities().getPlanDestroy()) {
      ProviderRpc.Answer answer = rpc.plan(stored.typeName(), upgraded, stored.privateBytes(), nullValue, nullValue,
          "(destroy)");
      rpc.require(answer.value().isNull(), "Provider produced invalid plan: planned a non-null destroy value");
      plannedPrivate = answer.privateBytes();
      diagnostics = answer.diagnostics();
      warnings.addAll(Diag.warnings(diagnostics));
    }
    return new Change(stored.typeName(), Change.Action.DELETE, upgraded, stored.privateBytes(), nullValue, nullValue,
        nullValue, plannedPrivate, List.of(), List.of(), diagnostics, nullValue);
  }

  /**
   * The apply walk for one planned change: Delete applies a null plan; a replace applies its delete half, then the
   * create half; Create/Update re-plan first ("inconsistent final plan" check), then apply ("inconsistent result
   * after apply" check). Returns the new state; a deleted object is a state with a null value.
   */
  ResourceState apply(Change planned, ResourceState current) {
    return apply(planned, current, planned.config());
  }

  /**
   * The apply walk with the configuration as evaluated during apply, where values unknown at plan time (references
   * to other resources) have become known.
   */
  ResourceState apply(Change planned, ResourceState current, Value applyConfig) {
    ResourceSchema schema = terraform.resource(planned.typeName());
    Value nullValue = Value.nullOf(schema.impliedType());
    if (planned.action() == Change.Action.NO_OP) {
      return current;
    }
    if (planned.action() == Change.Action.DELETE || planned.action().isReplace()) {
      upgrade(current);
      ProviderRpc.Answer deleted = rpc.apply(planned.typeName(), planned.before(), nullValue, nullValue,
          planned.plannedPrivate(), planned.action().isReplace() ? "(delete half)" : "(delete)");
      warnings.addAll(deleted.diagnostics());
      rpc.require(deleted.value().isNull(), "Provider returned invalid result object after apply: after applying a "
          + "Delete plan, the provider returned a non-null object");
      if (planned.action() == Change.Action.DELETE) {
        return new ResourceState(planned.typeName(), deleted.value(), deleted.privateBytes());
      }
      current = null;
    } else if (current != null && !current.isNull()) {
      current = new ResourceState(current.typeName(), upgrade(current), current.privateBytes());
    }
    Change replan = plan(planned.typeName(), current, applyConfig, planned);
    boolean sameAction = replan.action() == planned.action()
        || planned.action() == Change.Action.UPDATE && replan.action() == Change.Action.NO_OP;
    rpc.require(sameAction, "Provider produced inconsistent final plan: changed the planned action from "
        + planned.action() + " to " + replan.action());
    List<String> drift = TerraformChecks.compatibilityProblems(schema, planned.after(), replan.after());
    rpc.require(drift.isEmpty(), "Provider produced inconsistent final plan: " + drift);
    if (replan.action() == Change.Action.NO_OP) {
      return current;
    }
    Value prior = replan.action().isReplace() ? nullValue : replan.before(); // Simplify: the create half
    ProviderRpc.Answer applied = rpc.apply(planned.typeName(), prior, replan.after(), applyConfig,
        replan.plannedPrivate(), "");
    warnings.addAll(applied.diagnostics());
    List<String> problems = TerraformChecks.compatibilityProblems(schema, replan.after(), applied.value());
    rpc.require(problems.isEmpty(), "Provider produced inconsistent result after apply: " + problems);
    rpc.require(!applied.value().isNull(), "Provider returned invalid result object after apply: after applying a "
        + replan.action() + " plan, the provider returned a null object");
    return new ResourceState(planned.typeName(), applied.value(), applied.privateBytes());
  }

  /** cty.Path.Apply for the steps a flat schema has: attributes, map keys and list indexes. */
  private static Optional<Value> at(Value value, Tfplugin6.AttributePath path) {
    Value current = value;
    for (Tfplugin6.AttributePath.Step step : path.getStepsList()) {
      if (current.isNull() || !current.isKnown()) {
        return Optional.empty();
      }
      switch (step.getSelectorCase()) {
        case ATTRIBUTE_NAME -> {
          if (!(current instanceof Value.ObjectVal object)
              || !object.attributes().containsKey(step.getAttributeName())) {
            return Optional.empty();
          }
          current = object.get(step.getAttributeName());
        }
        case ELEMENT_KEY_STRING -> {
          if (!(current instanceof Value.MapVal map) || !map.entries().containsKey(step.getElementKeyString())) {
            return Optional.empty();
          }
          current = map.entries().get(step.getElementKeyString());
        }
        case ELEMENT_KEY_INT -> {
          if (!(current instanceof Value.ListVal list) || step.getElementKeyInt() >= list.elements().size()) {
            return Optional.empty();
          }
          current = list.elements().get((int) step.getElementKeyInt());
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(current);
  }

  @Override
  public void close() {
    process.close();
  }
}
