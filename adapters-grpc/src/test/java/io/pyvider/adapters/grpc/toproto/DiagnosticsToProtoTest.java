package io.pyvider.adapters.grpc.toproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsToProtoTest {

  @Test
  void severitySummaryDetailAndPath() {
    Diagnostics diagnostics = Diagnostics.of(
        Diagnostic.error(AttributePath.attribute("keepers").key("a"), "Bad keeper", "Use a string."),
        Diagnostic.warning("Deprecated", "Use ttl instead."));
    List<Tfplugin6.Diagnostic> out = DiagnosticsToProto.diagnostics(diagnostics);
    assertEquals(2, out.size());

    Tfplugin6.Diagnostic error = out.get(0);
    assertEquals(Tfplugin6.Diagnostic.Severity.ERROR, error.getSeverity());
    assertEquals("Bad keeper", error.getSummary());
    assertEquals("Use a string.", error.getDetail());
    assertTrue(error.hasAttribute());
    assertEquals("keepers", error.getAttribute().getSteps(0).getAttributeName());
    assertEquals("a", error.getAttribute().getSteps(1).getElementKeyString());

    Tfplugin6.Diagnostic warning = out.get(1);
    assertEquals(Tfplugin6.Diagnostic.Severity.WARNING, warning.getSeverity());
    assertFalse(warning.hasAttribute(), "a root path is left out");
  }

  @Test
  void noDiagnostics() {
    assertEquals(List.of(), DiagnosticsToProto.diagnostics(Diagnostics.NONE));
  }
}
