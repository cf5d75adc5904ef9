package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.timedtoken.TokenTerraform.Change;
import io.pyvider.application.component.timedtoken.TokenTerraform.Stored;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Rotation as the TLS provider renews certificates (facts §5.3): a refresh marks ready_for_rotation once the token is
 * inside its rotate_before window or expired; the next plan makes the flag unknown on a requires-replace path, so
 * Terraform plans a normal replacement that issues a new token.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenRotationTest {

  private static final AttributePath READY = AttributePath.attribute("ready_for_rotation");

  private final TokenTerraform terraform = new TokenTerraform();
  private final Value.ObjectVal windowed = TokenTerraform.with(terraform.config("ci"), "rotate_before", "10m");

  @Test
  void a_token_is_rotated_once_a_refresh_finds_it_inside_its_window() {
    Stored issued = terraform.create(windowed);

    terraform.clock.advance(Duration.ofMinutes(45));
    Stored early = terraform.refresh(issued);
    assertFalse(early.ready());
    assertEquals(issued.state(), early.state());

    terraform.clock.advance(Duration.ofMinutes(7));
    Stored due = terraform.refresh(early);
    assertTrue(due.ready());
    assertEquals(issued.get("token"), due.get("token"));

    Outcomes.PlanResource plan = terraform.planUpdate(due, windowed);
    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(List.of(READY), plan.requiresReplace());
    assertEquals(Value.unknown(CtyType.BOOL, Refinements.notNull()),
        ((Value.ObjectVal) plan.planned()).get("ready_for_rotation"));
    assertTrue(TokenTerraform.replaces(due.state(), plan));

    Change change = terraform.change(due, windowed);
    assertTrue(change.replacementPlan().isPresent());
    assertEquals(Diagnostics.NONE, change.replacementPlan().get().diagnostics());
    assertEquals(Diagnostics.NONE, change.applied().diagnostics());
    Stored rotated = change.stored();
    assertNotEquals(issued.get("id"), rotated.get("id"));
    assertNotEquals(issued.get("token"), rotated.get("token"));
    assertFalse(rotated.ready());
    assertEquals("2025-03-04T06:58:07.000000+00:00", rotated.get("expires_at"));
    assertEquals(rotated.get("token"), terraform.open(rotated.privateState()).get("token").orElseThrow());
  }

  @Test
  void a_refresh_the_instant_before_the_window_opens_does_not_mark_the_token() {
    Stored issued = terraform.create(windowed);
    terraform.clock.advance(Duration.ofMinutes(50).minusNanos(1000));

    assertFalse(terraform.refresh(issued).ready());
  }

  @Test
  void a_refresh_exactly_when_the_window_opens_marks_the_token() {
    Stored issued = terraform.create(windowed);
    terraform.clock.advance(Duration.ofMinutes(50));

    assertTrue(terraform.refresh(issued).ready());
  }

  @Test
  void a_token_without_a_window_is_marked_exactly_at_its_expiry() {
    Value.ObjectVal plain = terraform.config("ci");
    Stored issued = terraform.create(plain);

    terraform.clock.advance(Duration.ofMinutes(59));
    assertFalse(terraform.refresh(issued).ready());

    terraform.clock.advance(Duration.ofMinutes(1));
    Stored expired = terraform.refresh(issued);
    assertTrue(expired.ready());

    Change change = terraform.change(expired, plain);
    assertEquals(List.of(READY), change.plan().requiresReplace());
    assertNotEquals(issued.get("token"), change.stored().get("token"));
    assertEquals("2025-03-04T07:06:07.000000+00:00", change.stored().get("expires_at"));
  }

  @Test
  void a_plan_from_stale_state_still_replaces_an_expired_token() {
    Stored issued = terraform.create(terraform.config("ci"));
    terraform.clock.advance(Duration.ofHours(2));

    // terraform plan -refresh=false: the stored state still says ready_for_rotation = false.
    Outcomes.PlanResource plan = terraform.planUpdate(issued, terraform.config("ci"));

    assertFalse(issued.ready());
    assertEquals(List.of(READY), plan.requiresReplace());
    assertFalse(((Value.ObjectVal) plan.planned()).get("ready_for_rotation").isKnown());
  }

  @Test
  void a_plan_from_stale_state_replaces_a_token_inside_its_window() {
    Stored issued = terraform.create(windowed);
    terraform.clock.advance(Duration.ofMinutes(55));

    Outcomes.PlanResource plan = terraform.planUpdate(issued, windowed);

    assertEquals(List.of(READY), plan.requiresReplace());
  }

  @Test
  void widening_the_window_over_the_current_time_updates_in_place_and_the_next_refresh_rotates() {
    // An update is re-planned at apply (possibly much later, from a saved plan) and must keep its action, so the
    // clock never turns an update into a replacement; the refresh that follows marks the token and the plan after
    // that replaces it.
    Stored issued = terraform.create(terraform.config("ci"));
    terraform.clock.advance(Duration.ofMinutes(30));
    Value.ObjectVal widened = TokenTerraform.with(terraform.config("ci"), "rotate_before", "45m");

    Outcomes.PlanResource plan = terraform.planUpdate(issued, widened);
    assertEquals(List.of(), plan.requiresReplace());

    Outcomes.ApplyResource applied = terraform.apply(issued.state(), plan, widened);
    Stored refreshed = terraform.refresh(new Stored((Value.ObjectVal) applied.newState(), applied.privateState()));
    assertTrue(refreshed.ready());
    assertEquals(List.of(READY), terraform.planUpdate(refreshed, widened).requiresReplace());
  }

  @Test
  void a_rename_of_a_due_token_replaces_it_as_well() {
    Stored issued = terraform.create(windowed);
    terraform.clock.advance(Duration.ofMinutes(55));
    Stored due = terraform.refresh(issued);

    Outcomes.PlanResource plan =
        terraform.planUpdate(due, TokenTerraform.with(terraform.config("deploy"), "rotate_before", "10m"));

    assertEquals(List.of(READY), plan.requiresReplace());
  }

  @Test
  void the_rotated_token_is_valid_again_until_its_own_window() {
    Stored issued = terraform.create(windowed);
    terraform.clock.advance(Duration.ofMinutes(55));
    Stored rotated = terraform.change(terraform.refresh(issued), windowed).stored();

    terraform.clock.advance(Duration.ofMinutes(49));
    assertFalse(terraform.refresh(rotated).ready());
    assertEquals(List.of(), terraform.planUpdate(terraform.refresh(rotated), windowed).requiresReplace());

    terraform.clock.advance(Duration.ofMinutes(1));
    assertTrue(terraform.refresh(rotated).ready());
  }
}
