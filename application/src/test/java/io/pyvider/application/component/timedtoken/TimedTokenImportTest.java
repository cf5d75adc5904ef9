package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Severity;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenImportTest {

  private final TokenTerraform terraform = new TokenTerraform();

  @Test
  void import_is_refused_with_a_clear_error_and_no_state() {
    String id = "timed-token-id-00000000-0000-4000-8000-000000000001";

    Outcomes.ImportResource imported = terraform.service.importState(new Commands.ImportResource(TokenTerraform.TYPE,
        id));

    assertTrue(imported.state().isEmpty());
    assertEquals(0, imported.privateState().length);
    assertEquals(1, imported.diagnostics().asList().size());
    Diagnostic error = imported.diagnostics().asList().get(0);
    assertEquals(Severity.ERROR, error.severity());
    assertEquals("pyvider_timed_token cannot be imported", error.summary());
    assertTrue(error.detail().contains(id), error.detail());
    assertTrue(error.detail().contains("moved block"), error.detail());
  }
}
