package io.pyvider.application.lifecycle;

import static io.pyvider.application.lifecycle.Engine.nothing;
import static io.pyvider.application.lifecycle.Engine.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.ApplyResult;
import io.pyvider.application.component.PlanResult;
import io.pyvider.application.component.ReadResult;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Answers that break Terraform's rules (facts §2.2–2.4) are caught by the engine and reported as the provider's own
 * bug, before Terraform would reject them with "Provider produced invalid plan" or "inconsistent result".
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TerraformRulesEnforcementTest {

  private final Engine engine = new Engine();
  private final Value.ObjectVal config = ScriptedResource.object("n", "a", null, null);
  private final Value.ObjectVal state = ScriptedResource.object("n", "a", "id-1", "s3cr3t-value");

  private static PlanResult planned(Value value) {
    return new PlanResult(value, PrivateData.EMPTY, List.of(), null);
  }

  private static void assertBroken(Diagnostic error, String what, String problem) {
    assertEquals("Provider pyvider produced an invalid " + what, error.summary());
    assertTrue(error.detail().contains(problem), error.detail());
    assertTrue(error.detail().startsWith(Engine.TYPE + ": "), error.detail());
  }

  // --- plan -----------------------------------------------------------------------------------------------------

  @Test
  void a_well_behaved_create_plan_passes() {
    Outcomes.PlanResource plan = engine.plan(nothing(), config, config);

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertFalse(((Value.ObjectVal) plan.planned()).get("id").isKnown());
  }

  @Test
  void planning_a_required_attribute_other_than_configured_is_caught() {
    engine.resource.plan = request -> planned(((Value.ObjectVal) request.proposed()).with("name", Value.string("x")));

    Outcomes.PlanResource plan = engine.plan(nothing(), config, config);

    assertBroken(onlyError(plan.diagnostics()), "plan", "name: planned value does not match the configured value");
    assertTrue(plan.planned().isNull());
    assertEquals(0, plan.plannedPrivate().length);
  }

  @Test
  void planning_an_optional_attribute_other_than_configured_and_prior_is_caught_on_update() {
    engine.resource.plan = request -> planned(((Value.ObjectVal) request.proposed()).with("note", Value.string("b")));

    Outcomes.PlanResource plan = engine.plan(state, config, config);

    assertBroken(onlyError(plan.diagnostics()), "plan", "note: planned value does not match the configured value "
        + "nor the prior value");
    assertEquals(state, plan.planned());
  }

  @Test
  void planning_a_value_for_an_unconfigured_non_computed_attribute_is_caught() {
    Value.ObjectVal noNote = config.with("note", Value.nullOf(CtyType.STRING));
    engine.resource.plan = request -> planned(((Value.ObjectVal) request.proposed())
        .with("note", Value.string("invented")));

    assertBroken(onlyError(engine.plan(nothing(), noNote, noNote).diagnostics()), "plan",
        "note: planned a value for a non-computed attribute that is not configured");
  }

  @Test
  void keeping_the_prior_value_of_a_configured_attribute_is_allowed() {
    Value.ObjectVal prior = state.with("note", Value.string("A"));
    engine.resource.plan = request -> planned(((Value.ObjectVal) request.proposed()).with("note", Value.string("A")));

    assertEquals(Diagnostics.NONE, engine.plan(prior, config, config).diagnostics());
  }

  @Test
  void computed_attributes_may_be_planned_freely() {
    engine.resource.plan = request -> planned(((Value.ObjectVal) request.proposed())
        .with("id", Value.string("chosen")).with("secret", Value.unknown(CtyType.STRING, Refinements.notNull())));

    assertEquals(Diagnostics.NONE, engine.plan(nothing(), config, config).diagnostics());
  }

  @Test
  void planning_an_object_for_a_destroy_is_caught() {
    engine.resource.plan = request -> planned(state);

    Outcomes.PlanResource plan = engine.plan(state, nothing(), nothing());

    assertBroken(onlyError(plan.diagnostics()), "plan", "planned a non-null value for an object that is being "
        + "destroyed");
  }

  @Test
  void planning_null_while_the_configuration_exists_is_caught() {
    engine.resource.plan = request -> planned(nothing());

    assertBroken(onlyError(engine.plan(state, config, config).diagnostics()), "plan",
        "planned for absence but the configuration wants the object to exist");
  }

  @Test
  void a_planned_value_of_the_wrong_shape_is_caught() {
    engine.resource.plan = request -> planned(Value.ObjectVal.of(Map.of("name", Value.string("n"))));

    assertBroken(onlyError(engine.plan(nothing(), config, config).diagnostics()), "plan", "do not match the schema");
  }

  @Test
  void planning_a_wholly_unknown_object_is_caught() {
    engine.resource.plan = request -> planned(Value.unknown(ScriptedResource.TYPE));

    assertBroken(onlyError(engine.plan(nothing(), config, config).diagnostics()), "plan",
        "the planned state is not an object");
  }

  @Test
  void a_planned_attribute_of_the_wrong_type_is_caught() {
    engine.resource.plan = request -> planned(((Value.ObjectVal) request.proposed()).with("id", Value.number(1)));

    assertBroken(onlyError(engine.plan(nothing(), config, config).diagnostics()), "plan",
        "id: \"string\" is required, got \"number\"");
  }

  @Test
  void requires_replace_is_dropped_on_create_and_kept_on_update() {
    engine.resource.plan = request -> new PlanResult(ScriptedResource.planNormally(request).planned(),
        PrivateData.EMPTY, List.of(AttributePath.attribute("note")), null);

    assertEquals(List.of(), engine.plan(nothing(), config, config).requiresReplace());
    assertEquals(List.of(AttributePath.attribute("note")), engine.plan(state, state, config).requiresReplace());
  }

  @Test
  void a_plan_with_error_diagnostics_plans_the_prior_state() {
    Diagnostic refusal = Diagnostic.error(AttributePath.attribute("note"), "no", "not like this");
    engine.resource.plan = request -> new PlanResult(request.proposed(), PrivateData.of(Map.of("k", "v")),
        List.of(AttributePath.attribute("note")), Diagnostics.of(refusal));

    Outcomes.PlanResource plan = engine.plan(state, state, config);

    assertEquals(Diagnostics.of(refusal), plan.diagnostics());
    assertEquals(state, plan.planned());
    assertEquals(0, plan.plannedPrivate().length);
    assertEquals(List.of(), plan.requiresReplace());
  }

  // --- apply ----------------------------------------------------------------------------------------------------

  @Test
  void a_well_behaved_apply_passes() {
    Outcomes.PlanResource plan = engine.plan(nothing(), config, config);

    Outcomes.ApplyResource applied = engine.apply(nothing(), plan.planned(), config, plan.plannedPrivate());

    assertEquals(Diagnostics.NONE, applied.diagnostics());
    assertTrue(applied.newState().isWhollyKnown());
  }

  @Test
  void changing_a_known_planned_value_at_apply_is_caught_and_the_object_is_still_returned() {
    Value.ObjectVal changed = state.with("note", Value.string("b"));
    engine.resource.apply = request -> new ApplyResult(changed, null, null);

    Outcomes.ApplyResource applied = engine.apply(state, state, config, new byte[0]);

    assertBroken(onlyError(applied.diagnostics()), "result after apply", "note: was \"a\", but now \"b\"");
    assertEquals(changed, applied.newState());
  }

  @Test
  void a_changed_sensitive_value_is_reported_without_showing_it() {
    engine.resource.apply = request -> new ApplyResult(state.with("secret", Value.string("other-secret")), null,
        null);

    Diagnostic error = onlyError(engine.apply(state, state, config, new byte[0]).diagnostics());

    assertTrue(error.detail().contains("secret: was (sensitive value), but now (sensitive value)"), error.detail());
    assertFalse(error.detail().contains("s3cr3t-value"), error.detail());
    assertFalse(error.detail().contains("other-secret"), error.detail());
  }

  @Test
  void an_applied_attribute_of_the_wrong_type_is_caught() {
    engine.resource.apply = request -> new ApplyResult(state.with("note", Value.number(1)), null, null);

    assertBroken(onlyError(engine.apply(state, state, config, new byte[0]).diagnostics()), "result after apply",
        "note: \"string\" is required, got \"number\"");
  }

  @Test
  void leaving_a_value_unknown_after_apply_is_caught() {
    engine.resource.apply = request -> new ApplyResult(request.planned(), null, null);
    Value planned = engine.plan(nothing(), config, config).planned();

    assertBroken(onlyError(engine.apply(nothing(), planned, config, new byte[0]).diagnostics()), "result after apply",
        "the applied state still contains unknown values");
  }

  @Test
  void a_final_value_that_breaks_the_plans_refinements_is_caught() {
    Value.ObjectVal planned = config.with("id", Value.unknown(CtyType.STRING, Refinements.notNull()
        .withStringPrefix("id-"))).with("secret", Value.unknown(CtyType.STRING, Refinements.notNull()));
    engine.resource.apply = request -> new ApplyResult(config.with("id", Value.string("other-1"))
        .with("secret", Value.string("s")), null, null);

    assertBroken(onlyError(engine.apply(nothing(), planned, config, new byte[0]).diagnostics()),
        "result after apply", "id: the final value does not conform to the planning placeholder's refinements");
  }

  @Test
  void a_null_final_value_for_a_placeholder_promised_not_null_is_caught() {
    Value.ObjectVal planned = config.with("id", Value.unknown(CtyType.STRING, Refinements.notNull()))
        .with("secret", Value.unknown(CtyType.STRING));
    engine.resource.apply = request -> new ApplyResult(config.with("secret", Value.string("s")), null, null);

    assertBroken(onlyError(engine.apply(nothing(), planned, config, new byte[0]).diagnostics()),
        "result after apply", "id: the final value does not conform");
  }

  @Test
  void returning_an_object_from_a_destroy_is_caught() {
    engine.resource.apply = request -> new ApplyResult(state, null, null);

    assertBroken(onlyError(engine.apply(state, nothing(), nothing(), new byte[0]).diagnostics()),
        "result after apply", "returned an object after destroying it");
  }

  @Test
  void returning_null_where_an_object_was_planned_is_caught() {
    engine.resource.apply = request -> new ApplyResult(nothing(), null, null);

    assertBroken(onlyError(engine.apply(state, state, config, new byte[0]).diagnostics()), "result after apply",
        "returned null where an object was planned");
  }

  @Test
  void a_component_that_reports_its_own_apply_error_is_not_also_blamed_for_the_result() {
    Diagnostic own = Diagnostic.error("Could not create", "the remote API said no");
    engine.resource.apply = request -> new ApplyResult(nothing(), null, Diagnostics.of(own));

    Outcomes.ApplyResource applied = engine.apply(nothing(), engine.plan(nothing(), config, config).planned(), config,
        new byte[0]);

    assertEquals(Diagnostics.of(own), applied.diagnostics());
  }

  // --- read -----------------------------------------------------------------------------------------------------

  @Test
  void a_refreshed_state_with_unknown_values_is_caught_and_the_stored_state_kept() {
    engine.resource.read = request -> new ReadResult(request.current().with("id", Value.unknown(CtyType.STRING)),
        null, null);

    Outcomes.ReadResource read = engine.read(state, new byte[0]);

    assertBroken(onlyError(read.diagnostics()), "refreshed state", "the refreshed state contains unknown values");
    assertEquals(state, read.newState());
  }

  @Test
  void a_refreshed_state_of_the_wrong_shape_is_caught() {
    engine.resource.read = request -> new ReadResult(request.current().with("note", Value.bool(true)), null, null);

    assertBroken(onlyError(engine.read(state, new byte[0]).diagnostics()), "refreshed state",
        "note: \"string\" is required, got \"bool\"");
  }

  @Test
  void a_vanished_object_is_returned_as_null_without_private_state() {
    engine.resource.read = request -> new ReadResult(nothing(), PrivateData.of(Map.of("k", "v")), null);
    byte[] stored = {1, 2, 3};

    Outcomes.ReadResource read = engine.read(state, stored);

    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertTrue(read.newState().isNull());
    assertEquals(0, read.privateState().length);
  }
}
