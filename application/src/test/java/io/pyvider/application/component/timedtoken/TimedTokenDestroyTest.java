package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.timedtoken.TokenTerraform.Stored;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Destroying a pyvider_timed_token: planned null, applied null, nothing left behind. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenDestroyTest {

  private final TokenTerraform terraform = new TokenTerraform();
  private final Stored created = terraform.create(terraform.config("ci"));

  @Test
  void the_destroy_plan_is_null_without_private_state_or_replacement() {
    Outcomes.PlanResource plan = terraform.planDestroy(created);

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertTrue(plan.planned().isNull());
    assertEquals(0, plan.plannedPrivate().length);
    assertEquals(List.of(), plan.requiresReplace());
  }

  @Test
  void applying_the_destroy_returns_null_and_no_private_state() {
    Outcomes.PlanResource plan = terraform.planDestroy(created);

    Outcomes.ApplyResource applied = terraform.service.apply(new Commands.ApplyResource(TokenTerraform.TYPE,
        MapWire.of(created.state()), MapWire.of(plan.planned()), MapWire.of(terraform.nothing()),
        plan.plannedPrivate()));

    assertEquals(Diagnostics.NONE, applied.diagnostics());
    assertTrue(applied.newState().isNull());
    assertEquals(0, applied.privateState().length);
  }

  @Test
  void destroying_without_a_destroy_plan_uses_the_prior_private_state_and_still_returns_null() {
    // Without plan_destroy Terraform skips PlanResourceChange and sends the prior private state to apply (facts §2.8).
    Outcomes.ApplyResource applied = terraform.service.apply(new Commands.ApplyResource(TokenTerraform.TYPE,
        MapWire.of(created.state()), MapWire.of(terraform.nothing()), MapWire.of(terraform.nothing()),
        created.privateState()));

    assertEquals(Diagnostics.NONE, applied.diagnostics());
    assertTrue(applied.newState().isNull());
    assertEquals(0, applied.privateState().length);
  }
}
