package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.timedtoken.TokenTerraform.Stored;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.diag.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Private state that is missing, unreadable or out of step with the public state. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenPrivateStateTest {

  private final TokenTerraform terraform = new TokenTerraform();
  private final Stored created = terraform.create(terraform.config("ci"));

  private Map<String, String> sealedFieldsOf(Stored stored) {
    return Map.of("token", stored.get("token"), "expires_at", stored.get("expires_at"));
  }

  private static byte[] tampered(byte[] blob) {
    // Append a line that is no encoded field: the fake sealer, like the real one, refuses an altered blob.
    return (new String(blob, StandardCharsets.UTF_8) + "\n%=%").getBytes(StandardCharsets.UTF_8);
  }

  private static void assertSingleUnsealWarning(Diagnostics diagnostics) {
    assertEquals(1, diagnostics.asList().size(), diagnostics.toString());
    Diagnostic warning = diagnostics.asList().get(0);
    assertEquals(Severity.WARNING, warning.severity());
    assertFalse(diagnostics.hasErrors());
    assertTrue(warning.summary().contains("could not be unsealed"), warning.summary());
    assertTrue(warning.detail().contains("PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS"), warning.detail());
  }

  @Test
  void a_tampered_private_state_on_refresh_is_a_warning_keeps_the_state_and_is_sealed_again() {
    Outcomes.ReadResource read = terraform.read(new Stored(created.state(), tampered(created.privateState())));

    assertSingleUnsealWarning(read.diagnostics());
    assertEquals(created.state(), read.newState());
    assertEquals(sealedFieldsOf(created), terraform.open(read.privateState()).fields());
  }

  @Test
  void a_private_state_in_an_unknown_format_is_a_warning_and_is_sealed_again() {
    byte[] garbage = {0x01, 0x02, 0x03, 0x04};

    Outcomes.ReadResource read = terraform.read(new Stored(created.state(), garbage));

    assertSingleUnsealWarning(read.diagnostics());
    assertEquals(created.state(), read.newState());
    assertEquals(sealedFieldsOf(created), terraform.open(read.privateState()).fields());
  }

  @Test
  void a_private_state_sealed_for_another_resource_type_is_unreadable() {
    byte[] foreign = terraform.sealFor("pyvider_file_content", sealedFieldsOf(created));

    Outcomes.ReadResource read = terraform.read(new Stored(created.state(), foreign));

    assertSingleUnsealWarning(read.diagnostics());
    assertTrue(read.diagnostics().asList().get(0).detail().contains("another resource type"),
        read.diagnostics().asList().get(0).detail());
    assertEquals(sealedFieldsOf(created), terraform.open(read.privateState()).fields());
  }

  @Test
  void a_missing_private_state_is_rebuilt_from_the_state_without_a_warning() {
    // The Python provider dropped private state on every rename.
    Outcomes.ReadResource read = terraform.read(new Stored(created.state(), new byte[0]));

    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertEquals(created.state(), read.newState());
    assertEquals(sealedFieldsOf(created), terraform.open(read.privateState()).fields());
  }

  @Test
  void the_sealed_copy_wins_over_a_token_changed_in_the_public_state() {
    Value.ObjectVal edited = created.state().with("token", Value.string("token-edited-by-hand"))
        .with("expires_at", Value.string("2099-01-01T00:00:00.000000+00:00"));

    Outcomes.ReadResource read = terraform.read(new Stored(edited, created.privateState()));

    assertEquals(created.state(), read.newState());
  }

  @Test
  void a_rename_with_an_unreadable_private_state_warns_and_rebuilds_it_from_the_state() {
    Stored damaged = new Stored(created.state(), tampered(created.privateState()));

    Outcomes.PlanResource plan = terraform.planUpdate(damaged, terraform.config("deploy"));

    assertSingleUnsealWarning(plan.diagnostics());
    assertEquals(sealedFieldsOf(created), terraform.open(plan.plannedPrivate()).fields());
  }

  @Test
  void a_rename_with_a_private_state_that_holds_no_token_rebuilds_it_from_the_state() {
    byte[] tokenless = terraform.sealFor(TokenTerraform.TYPE, Map.of("expires_at", created.get("expires_at")));

    Outcomes.PlanResource plan = terraform.planUpdate(new Stored(created.state(), tokenless),
        terraform.config("deploy"));

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(sealedFieldsOf(created), terraform.open(plan.plannedPrivate()).fields());
  }

  @Test
  void an_unreadable_expiry_in_state_is_a_warning_on_the_expiry_and_marks_the_token_for_rotation() {
    Value.ObjectVal garbled = created.state().with("expires_at", Value.string("next tuesday"));

    Outcomes.ReadResource read = terraform.read(new Stored(garbled, new byte[0]));

    assertFalse(read.diagnostics().hasErrors());
    assertEquals(1, read.diagnostics().asList().size());
    assertEquals(AttributePath.attribute("expires_at"), read.diagnostics().asList().get(0).path());
    assertEquals(Value.bool(true), ((Value.ObjectVal) read.newState()).get("ready_for_rotation"));
  }
}
