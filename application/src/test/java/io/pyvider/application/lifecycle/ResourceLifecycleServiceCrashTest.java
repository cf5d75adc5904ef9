package io.pyvider.application.lifecycle;

import static io.pyvider.application.lifecycle.Engine.nothing;
import static io.pyvider.application.lifecycle.Engine.onlyError;
import static io.pyvider.application.lifecycle.Engine.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A component that throws: the exception becomes an "Internal error" diagnostic and never leaves the engine. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResourceLifecycleServiceCrashTest {

  private final Engine engine = new Engine();
  private final Value config = ScriptedResource.object("n", null, null, null);
  private final Value state = ScriptedResource.object("n", null, "id-1", "s");

  private static RuntimeException boom() {
    return new IllegalStateException("boom");
  }

  /** Terraform hears the kind of failure; its message, which may hold any value, goes only to the provider log. */
  private void assertInternalError(Diagnostic error, String operation) {
    assertEquals("Internal error in provider pyvider", error.summary());
    assertTrue(error.detail().contains(Engine.TYPE + " failed during " + operation + " with IllegalStateException"),
        error.detail());
    assertFalse(error.detail().contains("boom"), "an exception's message reached Terraform: " + error.detail());
    assertTrue(error.detail().contains("This is a bug in terraform-provider-pyvider"), error.detail());
    assertEquals(List.of(Engine.TYPE + " " + operation + ": boom"), engine.crashes);
  }

  @Test
  void a_crash_during_validation_is_an_internal_error() {
    engine.resource.validate = (c, p) -> {
      throw boom();
    };

    assertInternalError(onlyError(engine.validate(config)), "validation");
  }

  @Test
  void a_crash_during_plan_is_an_internal_error_and_plans_the_prior_state() {
    engine.resource.plan = request -> {
      throw boom();
    };

    Outcomes.PlanResource plan = engine.plan(state, config, config);

    assertInternalError(onlyError(plan.diagnostics()), "planning");
    assertEquals(state, plan.planned());
    assertEquals(0, plan.plannedPrivate().length);
    assertEquals(List.of(), plan.requiresReplace());
  }

  @Test
  void a_crash_during_apply_is_an_internal_error_and_keeps_the_prior_state_and_private_state() {
    engine.resource.apply = request -> {
      throw boom();
    };
    byte[] plannedPrivate = {1, 2};

    Outcomes.ApplyResource applied = engine.apply(state, config, config, plannedPrivate);

    assertInternalError(onlyError(applied.diagnostics()), "apply");
    assertEquals(state, applied.newState());
    assertArrayEquals(plannedPrivate, applied.privateState());
  }

  @Test
  void a_crash_during_refresh_is_an_internal_error_and_keeps_the_state_and_private_state() {
    engine.resource.read = request -> {
      throw boom();
    };
    byte[] stored = {3};

    Outcomes.ReadResource read = engine.read(state, stored);

    assertInternalError(onlyError(read.diagnostics()), "refresh");
    assertEquals(state, read.newState());
    assertArrayEquals(stored, read.privateState());
  }

  @Test
  void a_crash_during_import_is_an_internal_error_and_imports_nothing() {
    engine.resource.importer = id -> {
      throw boom();
    };

    Outcomes.ImportResource imported = engine.service.importState(new Commands.ImportResource(Engine.TYPE, "x"));

    assertInternalError(onlyError(imported.diagnostics()), "import");
    assertTrue(imported.state().isEmpty());
  }

  @Test
  void a_crash_during_upgrade_is_an_internal_error_with_a_null_state() {
    engine.resource.upgrade = stored -> {
      throw boom();
    };

    Outcomes.UpgradeResource upgraded =
        engine.service.upgrade(new Commands.UpgradeResource(Engine.TYPE, 1, wire(state)));

    assertInternalError(onlyError(upgraded.diagnostics()), "state upgrade");
    assertTrue(upgraded.upgraded().isNull());
  }

  @Test
  void a_crash_during_an_identity_upgrade_is_an_internal_error_with_no_identity() {
    engine.resource.identitySchema = new IdentitySchema(0, List.of(
        new IdentitySchema.IdentityAttribute("id", CtyType.STRING, true, false, "")));
    engine.resource.upgradeIdentity = stored -> {
      throw boom();
    };

    Outcomes.UpgradeIdentity upgraded = engine.service.upgradeIdentity(new Commands.UpgradeIdentity(Engine.TYPE, 0,
        wire(Value.ObjectVal.of(Map.of("id", Value.string("id-1"))))));

    assertInternalError(onlyError(upgraded.diagnostics()), "identity upgrade");
    assertTrue(upgraded.upgraded().isEmpty());
  }

  @Test
  void a_crash_while_generating_configuration_is_an_internal_error_with_a_null_configuration() {
    engine.resource.generateConfig = generated -> {
      throw boom();
    };

    Outcomes.GenerateConfig generated = engine.service.generateConfig(new Commands.GenerateConfig(Engine.TYPE,
        wire(state)));

    assertInternalError(onlyError(generated.diagnostics()), "configuration generation");
    assertEquals(Value.nullOf(ScriptedResource.TYPE), generated.config());
  }

  @Test
  void an_exception_without_a_message_is_still_named() {
    engine.resource.plan = request -> {
      throw new NullPointerException();
    };

    Diagnostic error = onlyError(engine.plan(nothing(), config, config).diagnostics());

    assertTrue(error.detail().contains("failed during planning with NullPointerException;"), error.detail());
  }
}
