package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.timedtoken.TokenTerraform.Change;
import io.pyvider.application.component.timedtoken.TokenTerraform.Stored;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Changing the configuration of an existing pyvider_timed_token: what updates in place and what replaces. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenUpdateTest {

  private final TokenTerraform terraform = new TokenTerraform();
  private final Value.ObjectVal config = terraform.config("ci");
  private final Stored created = terraform.create(config);

  @Test
  void an_unchanged_configuration_plans_the_prior_state_and_keeps_the_private_state() {
    Outcomes.PlanResource plan = terraform.planUpdate(created, config);

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(created.state(), plan.planned());
    assertEquals(List.of(), plan.requiresReplace());
    assertArrayEquals(created.privateState(), plan.plannedPrivate());
  }

  @Test
  void a_rename_is_planned_as_an_in_place_update_without_requires_replace() {
    Outcomes.PlanResource plan = terraform.planUpdate(created, terraform.config("deploy"));

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(List.of(), plan.requiresReplace());
    assertEquals(created.state().with("name", Value.string("deploy")), plan.planned());
    assertEquals(terraform.open(created.privateState()), terraform.open(plan.plannedPrivate()));
  }

  @Test
  void a_rename_keeps_the_id_the_token_the_expiry_and_the_private_state() {
    Change change = terraform.change(created, terraform.config("deploy"));
    Stored renamed = change.stored();

    assertTrue(change.replacementPlan().isEmpty());
    assertEquals(Diagnostics.NONE, change.applied().diagnostics());
    assertEquals("deploy", renamed.get("name"));
    assertEquals(created.get("id"), renamed.get("id"));
    assertEquals(created.get("token"), renamed.get("token"));
    assertEquals(created.get("expires_at"), renamed.get("expires_at"));
    assertEquals(Map.of("token", created.get("token"), "expires_at", created.get("expires_at")),
        terraform.open(renamed.privateState()).fields());
  }

  @Test
  void the_rename_plan_rerun_at_apply_time_is_equal_to_the_saved_plan() {
    Value.ObjectVal renamed = terraform.config("deploy");
    Outcomes.PlanResource saved = terraform.planUpdate(created, renamed);
    terraform.clock.advance(Duration.ofMinutes(1));

    Outcomes.PlanResource rerun = terraform.planUpdate(created, renamed);

    assertEquals(saved.planned(), rerun.planned());
    assertArrayEquals(saved.plannedPrivate(), rerun.plannedPrivate());
    assertEquals(saved.requiresReplace(), rerun.requiresReplace());
  }

  @Test
  void a_rename_then_refresh_still_finds_the_same_token() {
    Stored renamed = terraform.change(created, terraform.config("deploy")).stored();

    Stored refreshed = terraform.refresh(renamed);

    assertEquals(renamed.state(), refreshed.state());
    assertArrayEquals(renamed.privateState(), refreshed.privateState());
  }

  @Test
  void a_lifetime_change_requires_replacement_on_the_lifetime_path() {
    Outcomes.PlanResource plan = terraform.planUpdate(created, TokenTerraform.with(config, "lifetime", "2h"));

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(List.of(AttributePath.attribute("lifetime")), plan.requiresReplace());
    assertEquals(Value.string("2h"), ((Value.ObjectVal) plan.planned()).get("lifetime"));
  }

  @Test
  void writing_the_default_lifetime_out_is_no_change() {
    Outcomes.PlanResource plan = terraform.planUpdate(created, TokenTerraform.with(config, "lifetime", "1h"));

    assertEquals(List.of(), plan.requiresReplace());
    assertEquals(created.state(), plan.planned());
  }

  @Test
  void removing_a_configured_lifetime_goes_back_to_the_default_and_replaces() {
    Stored twoHours = terraform.create(TokenTerraform.with(config, "lifetime", "2h"));

    Outcomes.PlanResource plan = terraform.planUpdate(twoHours, config);

    assertEquals(List.of(AttributePath.attribute("lifetime")), plan.requiresReplace());
    assertEquals(Value.string("1h"), ((Value.ObjectVal) plan.planned()).get("lifetime"));
  }

  @Test
  void a_lifetime_change_issues_a_new_token_with_the_new_lifetime() {
    terraform.clock.advance(Duration.ofMinutes(10));

    Change change = terraform.change(created, TokenTerraform.with(config, "lifetime", "2h"));

    assertTrue(change.replacementPlan().isPresent());
    assertEquals(Diagnostics.NONE, change.applied().diagnostics());
    Stored replaced = change.stored();
    assertNotEquals(created.get("id"), replaced.get("id"));
    assertNotEquals(created.get("token"), replaced.get("token"));
    assertEquals("2025-03-04T07:16:07.000000+00:00", replaced.get("expires_at"));
    assertEquals("2h", replaced.get("lifetime"));
  }

  @Test
  void the_replacement_plan_has_a_null_prior_and_plans_a_fresh_token() {
    Change change = terraform.change(created, TokenTerraform.with(config, "lifetime", "2h"));
    Value.ObjectVal fresh = (Value.ObjectVal) change.replacementPlan().orElseThrow().planned();

    assertFalse(fresh.get("id").isKnown());
    assertFalse(fresh.get("token").isKnown());
    assertFalse(fresh.get("expires_at").isKnown());
    assertEquals(List.of(), change.replacementPlan().orElseThrow().requiresReplace());
  }

  @Test
  void adding_keepers_requires_replacement_on_the_keepers_path() {
    Outcomes.PlanResource plan = terraform.planUpdate(created, TokenTerraform.withKeepers(config, Map.of("a", "1")));

    assertEquals(List.of(AttributePath.attribute("keepers")), plan.requiresReplace());
  }

  @Test
  void changing_a_keeper_value_requires_replacement_and_issues_a_new_token() {
    Stored kept = terraform.create(TokenTerraform.withKeepers(config, Map.of("a", "1")));

    Change change = terraform.change(kept, TokenTerraform.withKeepers(config, Map.of("a", "2")));

    assertEquals(List.of(AttributePath.attribute("keepers")), change.plan().requiresReplace());
    assertNotEquals(kept.get("token"), change.stored().get("token"));
  }

  @Test
  void the_same_keepers_are_no_change() {
    Stored kept = terraform.create(TokenTerraform.withKeepers(config, Map.of("a", "1", "b", "2")));

    Outcomes.PlanResource plan = terraform.planUpdate(kept, TokenTerraform.withKeepers(config, Map.of("b", "2", "a",
        "1")));

    assertEquals(List.of(), plan.requiresReplace());
    assertEquals(kept.state(), plan.planned());
  }

  @Test
  void keepers_not_yet_known_require_replacement() {
    Outcomes.PlanResource plan = terraform.planUpdate(created,
        config.with("keepers", Value.unknown(CtyType.mapOf(CtyType.STRING))));

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(List.of(AttributePath.attribute("keepers")), plan.requiresReplace());
  }

  @Test
  void a_rotate_before_change_is_an_in_place_update() {
    Change change = terraform.change(created, TokenTerraform.with(config, "rotate_before", "10m"));

    assertEquals(List.of(), change.plan().requiresReplace());
    assertTrue(change.replacementPlan().isEmpty());
    assertEquals(Diagnostics.NONE, change.applied().diagnostics());
    Stored updated = change.stored();
    assertEquals("10m", updated.get("rotate_before"));
    assertEquals(created.get("id"), updated.get("id"));
    assertEquals(created.get("token"), updated.get("token"));
    assertArrayEquals(created.privateState(), updated.privateState());
  }
}
