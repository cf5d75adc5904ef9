package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.timedtoken.TokenTerraform.Stored;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.token.TokenId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Creating a pyvider_timed_token: the plan, the apply, the apply-time re-plan and the first refresh. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenCreateTest {

  private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  private static final String EXPIRY_FORMAT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00";

  private final TokenTerraform terraform = new TokenTerraform();
  private final Value.ObjectVal config = terraform.config("ci");

  private Value.ObjectVal planned(Outcomes.PlanResource plan) {
    return (Value.ObjectVal) plan.planned();
  }

  @Test
  void the_create_plan_leaves_id_token_and_expiry_unknown_with_refinements() {
    Value.ObjectVal planned = planned(terraform.planCreate(config));

    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("timed-token-id-")),
        planned.get("id"));
    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("token-")),
        planned.get("token"));
    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull()), planned.get("expires_at"));
  }

  @Test
  void the_create_plan_defaults_the_lifetime_to_one_hour_and_is_not_ready_for_rotation() {
    Value.ObjectVal planned = planned(terraform.planCreate(config));

    assertEquals(Value.string("1h"), planned.get("lifetime"));
    assertEquals(Value.bool(false), planned.get("ready_for_rotation"));
    assertEquals(Value.string("ci"), planned.get("name"));
    assertEquals(Value.nullOf(CtyType.STRING), planned.get("rotate_before"));
    assertEquals(Value.nullOf(CtyType.mapOf(CtyType.STRING)), planned.get("keepers"));
  }

  @Test
  void the_create_plan_carries_no_private_state_no_replacement_and_no_diagnostics() {
    Outcomes.PlanResource plan = terraform.planCreate(config);

    assertEquals(0, plan.plannedPrivate().length);
    assertEquals(List.of(), plan.requiresReplace());
    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(terraform.type, plan.type());
  }

  @Test
  void the_create_plan_keeps_configured_arguments_as_written() {
    Value.ObjectVal configured = TokenTerraform.withKeepers(
        TokenTerraform.with(TokenTerraform.with(config, "lifetime", "90m"), "rotate_before", "10m"),
        Map.of("deploy", "42"));

    Value.ObjectVal planned = planned(terraform.planCreate(configured));

    assertEquals(Value.string("90m"), planned.get("lifetime"));
    assertEquals(Value.string("10m"), planned.get("rotate_before"));
    assertEquals(configured.get("keepers"), planned.get("keepers"));
  }

  @Test
  void the_create_plan_passes_an_unknown_lifetime_through() {
    Value.ObjectVal unknownLifetime = config.with("lifetime", Value.unknown(CtyType.STRING));

    Outcomes.PlanResource plan = terraform.planCreate(unknownLifetime);

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(Value.unknown(CtyType.STRING), planned(plan).get("lifetime"));
  }

  @Test
  void apply_issues_an_id_a_token_and_an_expiry_in_their_formats() {
    Stored stored = terraform.create(config);

    assertTrue(stored.get("id").matches("timed-token-id-" + UUID_V4), stored.get("id"));
    assertTrue(TokenId.isWellFormed(stored.get("id")));
    assertTrue(stored.get("token").matches("token-" + UUID_V4), stored.get("token"));
    assertTrue(stored.get("expires_at").matches(EXPIRY_FORMAT), stored.get("expires_at"));
    assertNotEquals(stored.get("id").substring("timed-token-id-".length()), stored.get("token").substring(6));
  }

  @Test
  void apply_keeps_every_known_planned_value() {
    Stored stored = terraform.create(config);

    assertEquals(Value.string("ci"), stored.state().get("name"));
    assertEquals(Value.string("1h"), stored.state().get("lifetime"));
    assertEquals(Value.bool(false), stored.state().get("ready_for_rotation"));
    assertEquals(Value.nullOf(CtyType.STRING), stored.state().get("rotate_before"));
    assertEquals(Value.nullOf(CtyType.mapOf(CtyType.STRING)), stored.state().get("keepers"));
    assertTrue(stored.state().isWhollyKnown());
  }

  @Test
  void the_expiry_is_the_apply_time_plus_the_default_lifetime_with_six_zero_digits() {
    terraform.planCreate(config);
    terraform.clock.advance(Duration.ofMinutes(3));

    Stored stored = terraform.create(config);

    assertEquals("2025-03-04T06:09:07.000000+00:00", stored.get("expires_at"));
  }

  @Test
  void the_expiry_is_exactly_the_configured_lifetime_after_apply_truncated_to_microseconds() {
    TokenTerraform precise = new TokenTerraform(Instant.parse("2025-03-04T05:06:07.123456789Z"));

    Stored stored = precise.create(TokenTerraform.with(precise.config("ci"), "lifetime", "1d1h30m15s"));

    assertEquals("2025-03-05T06:36:22.123456+00:00", stored.get("expires_at"));
  }

  @Test
  void apply_seals_exactly_the_token_and_its_expiry_in_private_state() {
    Stored stored = terraform.create(config);

    assertTrue(stored.privateState().length > 0);
    assertEquals(Map.of("token", stored.get("token"), "expires_at", stored.get("expires_at")),
        terraform.open(stored.privateState()).fields());
  }

  @Test
  void the_plan_rerun_at_apply_time_is_equal_to_the_saved_plan() {
    Outcomes.PlanResource saved = terraform.planCreate(config);
    terraform.clock.advance(Duration.ofMinutes(5));

    Outcomes.PlanResource rerun = terraform.planCreate(config);

    assertEquals(saved.planned(), rerun.planned());
    assertArrayEquals(saved.plannedPrivate(), rerun.plannedPrivate());
    assertEquals(saved.requiresReplace(), rerun.requiresReplace());
  }

  @Test
  void a_refresh_right_after_apply_returns_an_equal_state_and_private_state() {
    Stored created = terraform.create(config);

    Outcomes.ReadResource read = terraform.read(created);

    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertEquals(created.state(), read.newState());
    assertArrayEquals(created.privateState(), read.privateState());
  }

  @Test
  void two_tokens_never_share_an_id_or_a_secret() {
    Stored first = terraform.create(config);
    Stored second = terraform.create(terraform.config("other"));

    assertNotEquals(first.get("id"), second.get("id"));
    assertNotEquals(first.get("token"), second.get("token"));
  }
}
