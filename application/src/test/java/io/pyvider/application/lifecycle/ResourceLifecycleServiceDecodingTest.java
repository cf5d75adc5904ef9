package io.pyvider.application.lifecycle;

import static io.pyvider.application.lifecycle.Engine.nothing;
import static io.pyvider.application.lifecycle.Engine.onlyError;
import static io.pyvider.application.lifecycle.Engine.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Values Terraform sent that do not decode: an error at the path decoding stopped, and the component not called. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResourceLifecycleServiceDecodingTest {

  private static final AttributePath WHERE = AttributePath.attribute("keepers").key("a");
  private static final WireValue MALFORMED = type -> new WireValue.Malformed(WHERE, "msg");

  private final Engine engine = new Engine();
  private final Value config = ScriptedResource.object("n", null, null, null);
  private final Value state = ScriptedResource.object("n", null, "id-1", "s");

  private static void assertMalformed(Diagnostic error, String what) {
    assertEquals(WHERE, error.path());
    assertEquals("Invalid " + what, error.summary());
    assertTrue(error.detail().contains("msg"), error.detail());
  }

  @Test
  void a_malformed_configuration_fails_validation_at_its_path() {
    assertMalformed(onlyError(engine.service.validate(new Commands.ValidateConfig(Engine.TYPE, MALFORMED))),
        "configuration");
    assertEquals(List.of(), engine.resource.calls);
  }

  @Test
  void a_decoder_failure_is_reported_as_the_providers_bug_not_as_terraforms_invalid_input() {
    WireValue buggy = type -> new WireValue.DecoderFailed("IllegalStateException");

    Diagnostic error = onlyError(engine.service.validate(new Commands.ValidateConfig(Engine.TYPE, buggy)));

    assertEquals("Internal error in provider pyvider", error.summary());
    assertTrue(error.detail().contains("bug"), error.detail());
    assertEquals(List.of(), engine.resource.calls);
  }

  @Test
  void a_malformed_configuration_fails_the_plan_at_its_path() {
    Outcomes.PlanResource plan = engine.service.plan(new Commands.PlanResource(Engine.TYPE, wire(nothing()),
        wire(config), MALFORMED, new byte[0]));

    assertMalformed(onlyError(plan.diagnostics()), "configuration");
    assertTrue(plan.planned().isNull());
    assertEquals(ScriptedResource.TYPE, plan.type());
    assertEquals(List.of(), engine.resource.calls);
  }

  @Test
  void a_malformed_prior_state_or_proposal_fails_the_plan() {
    assertMalformed(onlyError(engine.service.plan(new Commands.PlanResource(Engine.TYPE, MALFORMED, wire(config),
        wire(config), new byte[0])).diagnostics()), "prior state");
    assertMalformed(onlyError(engine.service.plan(new Commands.PlanResource(Engine.TYPE, wire(nothing()), MALFORMED,
        wire(config), new byte[0])).diagnostics()), "proposed new state");
  }

  @Test
  void a_malformed_planned_state_fails_the_apply_and_keeps_the_prior_state_and_private_state() {
    byte[] plannedPrivate = {7, 7};

    Outcomes.ApplyResource applied = engine.service.apply(new Commands.ApplyResource(Engine.TYPE, wire(state),
        MALFORMED, wire(config), plannedPrivate));

    assertMalformed(onlyError(applied.diagnostics()), "planned state");
    assertEquals(state, applied.newState());
    assertArrayEquals(plannedPrivate, applied.privateState());
    assertEquals(List.of(), engine.resource.calls);
  }

  @Test
  void a_malformed_current_state_fails_the_refresh_and_keeps_the_private_state() {
    byte[] stored = {9};

    Outcomes.ReadResource read = engine.service.read(new Commands.ReadResource(Engine.TYPE, MALFORMED, stored));

    assertMalformed(onlyError(read.diagnostics()), "current state");
    assertArrayEquals(stored, read.privateState());
    assertEquals(Value.nullOf(ScriptedResource.TYPE), read.newState(), "a null of the resource's type, not nothing");
    assertEquals(List.of(), engine.resource.calls);
  }

  @Test
  void a_current_state_the_decoder_fails_on_is_answered_with_a_null_of_the_resources_type() {
    WireValue buggy = type -> new WireValue.DecoderFailed("IllegalStateException");

    Outcomes.ReadResource read = engine.service.read(new Commands.ReadResource(Engine.TYPE, buggy, new byte[0]));

    assertEquals("Internal error in provider pyvider", onlyError(read.diagnostics()).summary());
    assertEquals(Value.nullOf(ScriptedResource.TYPE), read.newState());
  }

  @Test
  void a_malformed_stored_state_fails_the_upgrade() {
    Outcomes.UpgradeResource upgraded =
        engine.service.upgrade(new Commands.UpgradeResource(Engine.TYPE, 1, MALFORMED));

    assertMalformed(onlyError(upgraded.diagnostics()), "stored state");
    assertTrue(upgraded.upgraded().isNull());
  }

  @Test
  void a_null_required_attribute_fails_the_plan_as_a_missing_argument() {
    Value noName = ScriptedResource.object(null, null, null, null);

    Diagnostic error = onlyError(engine.plan(nothing(), noName, noName).diagnostics());

    assertEquals("Missing required argument", error.summary());
    assertEquals(AttributePath.attribute("name"), error.path());
    assertEquals(List.of(), engine.resource.calls);
  }

  @Test
  void an_unknown_required_attribute_is_not_missing() {
    Value laterName = ScriptedResource.object(null, null, null, null)
        .with("name", Value.unknown(CtyType.STRING));

    assertEquals(List.of(), engine.validate(laterName).asList());
    assertEquals(List.of("validate"), engine.resource.calls);
  }

  @Test
  void state_stored_at_a_version_the_component_cannot_read_is_an_error() {
    engine.resource.stateType = version -> Optional.empty();

    Diagnostic error = onlyError(engine.service.upgrade(new Commands.UpgradeResource(Engine.TYPE, 0, wire(state)))
        .diagnostics());

    assertEquals("Unsupported state version", error.summary());
  }
}
