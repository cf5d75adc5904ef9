package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.Value;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** pyvider_timed_token's identity {id}: none while the id is unknown, the id once issued; no import either way. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenIdentityTest {

  private final TokenTerraform terraform = new TokenTerraform();

  @Test
  void the_create_plan_has_no_identity_yet_and_the_apply_answers_with_the_issued_id() {
    Value.ObjectVal config = terraform.config("ci");
    Outcomes.PlanResource plan = terraform.plan(terraform.nothing(), new byte[0], config);
    assertEquals(Optional.empty(), plan.plannedIdentity(), "the id is unknown until apply");

    Outcomes.ApplyResource applied = terraform.apply(terraform.nothing(), plan, config);
    Value id = ((Value.ObjectVal) applied.newState()).get("id");
    assertEquals(Value.ObjectVal.of(Map.of("id", id)), applied.newIdentity().orElseThrow().value());
  }

  @Test
  void import_by_identity_is_refused_with_the_same_explanation_as_import_by_id() {
    String id = "timed-token-id-00000000-0000-4000-8000-000000000001";
    Outcomes.ImportResource byId = terraform.service.importState(new Commands.ImportResource(TokenTerraform.TYPE,
        id));
    Outcomes.ImportResource byIdentity = terraform.service.importState(new Commands.ImportResource(
        TokenTerraform.TYPE, "", MapWire.of(Value.ObjectVal.of(Map.of("id", Value.string(id))))));

    assertTrue(byIdentity.diagnostics().hasErrors());
    assertEquals(byId.diagnostics().asList().get(0).summary(), byIdentity.diagnostics().asList().get(0).summary());
    assertEquals(byId.diagnostics(), byIdentity.diagnostics());
  }
}
