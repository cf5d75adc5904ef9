package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.FakeClock;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.fakes.ProposedNewState;
import io.pyvider.application.fakes.SequentialIds;
import io.pyvider.application.lifecycle.ComponentCatalog;
import io.pyvider.application.lifecycle.ProviderSession;
import io.pyvider.application.lifecycle.ResourceLifecycleService;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.UnsealResult;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Drives pyvider_timed_token through the lifecycle service the way Terraform does (facts §2.1–2.5): plan with the
 * proposed new state, a second plan with a null prior when the first one replaces, apply with the planned value and
 * planned private state, refresh with the stored private state. Values travel as {@link MapWire}s, private state is
 * sealed by the {@link PassThroughSealer}.
 */
final class TokenTerraform {

  static final String TYPE = "pyvider_timed_token";
  static final Instant START = Instant.parse("2025-03-04T05:06:07Z");

  final FakeClock clock;
  final SequentialIds ids = new SequentialIds();
  final TimedTokenResource resource;
  final ResourceLifecycleService service;
  final Block block;
  final CtyType.ObjectOf type;
  final PassThroughSealer sealer = new PassThroughSealer();

  TokenTerraform() {
    this(START);
  }

  TokenTerraform(Instant start) {
    clock = new FakeClock(start);
    resource = new TimedTokenResource(clock, ids);
    service = new ResourceLifecycleService(new ComponentCatalog(List.of(resource), List.of()),
        new ProviderSession(Environment.of(Map.of())), sealer);
    block = resource.schema().block();
    type = block.impliedType();
  }

  /** A state object and its private state, as Terraform stores them. */
  record Stored(Value.ObjectVal state, byte[] privateState) {
    String get(String attribute) {
      return ((Value.Str) state.get(attribute)).value();
    }

    boolean ready() {
      return ((Value.Bool) state.get("ready_for_rotation")).value();
    }
  }

  /** What one `terraform apply` did for the instance. */
  record Change(Outcomes.PlanResource plan, Optional<Outcomes.PlanResource> replacementPlan,
      Outcomes.ApplyResource applied) {
    Stored stored() {
      return new Stored((Value.ObjectVal) applied.newState(), applied.privateState());
    }
  }

  // --- configuration ------------------------------------------------------------------------------------------

  /** A configuration with only {@code name} set: every other attribute null, as Terraform decodes it. */
  Value.ObjectVal config(String name) {
    return block.emptyValue().with("name", Value.string(name));
  }

  static Value.ObjectVal with(Value.ObjectVal config, String attribute, String value) {
    return config.with(attribute, Value.string(value));
  }

  static Value.ObjectVal withKeepers(Value.ObjectVal config, Map<String, String> keepers) {
    Map<String, Value> values = new TreeMap<>();
    keepers.forEach((key, value) -> values.put(key, Value.string(value)));
    return config.with("keepers", Value.MapVal.of(CtyType.STRING, values));
  }

  Value nothing() {
    return Value.nullOf(type);
  }

  // --- single RPCs --------------------------------------------------------------------------------------------

  Outcomes.PlanResource plan(Value prior, byte[] priorPrivate, Value config) {
    Value proposed = ProposedNewState.of(block, prior, config);
    return service.plan(new Commands.PlanResource(TYPE, MapWire.of(prior), MapWire.of(proposed), MapWire.of(config),
        priorPrivate));
  }

  Outcomes.PlanResource planCreate(Value config) {
    return plan(nothing(), new byte[0], config);
  }

  Outcomes.PlanResource planUpdate(Stored prior, Value config) {
    return plan(prior.state(), prior.privateState(), config);
  }

  Outcomes.PlanResource planDestroy(Stored prior) {
    return service.plan(new Commands.PlanResource(TYPE, MapWire.of(prior.state()), MapWire.of(nothing()),
        MapWire.of(nothing()), prior.privateState()));
  }

  Outcomes.ApplyResource apply(Value prior, Outcomes.PlanResource plan, Value config) {
    return service.apply(new Commands.ApplyResource(TYPE, MapWire.of(prior), MapWire.of(plan.planned()),
        MapWire.of(config), plan.plannedPrivate()));
  }

  Outcomes.ReadResource read(Stored stored) {
    return service.read(new Commands.ReadResource(TYPE, MapWire.of(stored.state()), stored.privateState()));
  }

  /** A refresh that must succeed without any diagnostic; returns what Terraform would store. */
  Stored refresh(Stored stored) {
    Outcomes.ReadResource read = read(stored);
    assertEquals(Diagnostics.NONE, read.diagnostics());
    return new Stored((Value.ObjectVal) read.newState(), read.privateState());
  }

  // --- whole runs ---------------------------------------------------------------------------------------------

  /** `terraform apply` of a new instance; asserts it went through without any diagnostic. */
  Stored create(Value.ObjectVal config) {
    Outcomes.PlanResource plan = planCreate(config);
    assertEquals(Diagnostics.NONE, plan.diagnostics());
    Outcomes.ApplyResource applied = apply(nothing(), plan, config);
    assertEquals(Diagnostics.NONE, applied.diagnostics());
    return new Stored((Value.ObjectVal) applied.newState(), applied.privateState());
  }

  /**
   * `terraform apply -refresh=false` of an existing instance with a new configuration: plan; when the plan replaces,
   * the second plan with a null prior and the first plan's private state; then apply (for a replacement, the create
   * half of DeleteThenCreate, with a null prior).
   */
  Change change(Stored prior, Value.ObjectVal config) {
    Outcomes.PlanResource plan = planUpdate(prior, config);
    assertTrue(!plan.diagnostics().hasErrors(), plan.diagnostics().toString());
    if (!replaces(prior.state(), plan)) {
      return new Change(plan, Optional.empty(), apply(prior.state(), plan, config));
    }
    Outcomes.PlanResource replacement = plan(nothing(), plan.plannedPrivate(), config);
    assertTrue(!replacement.diagnostics().hasErrors(), replacement.diagnostics().toString());
    return new Change(plan, Optional.of(replacement), apply(nothing(), replacement, config));
  }

  /** Terraform's getRequiredReplaces: a listed path counts when prior and planned differ there or it is unknown. */
  static boolean replaces(Value.ObjectVal prior, Outcomes.PlanResource plan) {
    Value.ObjectVal planned = (Value.ObjectVal) plan.planned();
    for (AttributePath path : plan.requiresReplace()) {
      String attribute = ((AttributePath.Step.AttributeName) path.steps().get(0)).name();
      Value after = planned.get(attribute);
      if (!after.isWhollyKnown() || !after.equals(prior.get(attribute))) {
        return true;
      }
    }
    return false;
  }

  // --- private state ------------------------------------------------------------------------------------------

  /** Opens a private-state blob the way the service would for this resource type. */
  PrivateData open(byte[] blob) {
    UnsealResult result = sealer.unseal(blob, new SealingContext(TYPE));
    if (result instanceof UnsealResult.Opened opened) {
      return opened.data();
    }
    throw new AssertionError("private state did not open: " + result);
  }

  byte[] sealFor(String resourceType, Map<String, String> fields) {
    return ((SealResult.Sealed) sealer.seal(PrivateData.of(fields), new SealingContext(resourceType))).blob();
  }
}
