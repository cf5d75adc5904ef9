package io.pyvider.adapters.grpc.toproto;

import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/** Converts core diagnostics to the protocol's Diagnostic messages. */
public final class DiagnosticsToProto {
  private DiagnosticsToProto() {
  }

  public static List<Tfplugin6.Diagnostic> diagnostics(Diagnostics diagnostics) {
    List<Tfplugin6.Diagnostic> out = new ArrayList<>(diagnostics.asList().size());
    for (Diagnostic d : diagnostics) {
      out.add(diagnostic(d));
    }
    return out;
  }

  /** The path is left out for the root: Terraform then attaches the diagnostic to the whole block. */
  public static Tfplugin6.Diagnostic diagnostic(Diagnostic diagnostic) {
    Tfplugin6.Diagnostic.Builder out = Tfplugin6.Diagnostic.newBuilder()
        .setSeverity(switch (diagnostic.severity()) {
          case ERROR -> Tfplugin6.Diagnostic.Severity.ERROR;
          case WARNING -> Tfplugin6.Diagnostic.Severity.WARNING;
        })
        .setSummary(diagnostic.summary())
        .setDetail(diagnostic.detail());
    if (!diagnostic.path().isRoot()) {
      out.setAttribute(PathToProto.path(diagnostic.path()));
    }
    return out.build();
  }
}
