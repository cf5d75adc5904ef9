package io.pyvider.bootstrap.e2e;

import io.pyvider.adapters.grpc.proto.Tfplugin6;
import java.util.List;

/** A provider diagnostic as Terraform reads it (convert.ProtoToDiagnostics); only ERROR counts as an error. */
record Diag(Tfplugin6.Diagnostic.Severity severity, String summary, String detail, String path) {

  static List<Diag> of(List<Tfplugin6.Diagnostic> diagnostics) {
    return diagnostics.stream().map(d -> new Diag(d.getSeverity(), d.getSummary(), d.getDetail(),
        d.hasAttribute() ? path(d.getAttribute()) : "")).toList();
  }

  /** Renders an attribute path as Terraform does: {@code name}, {@code keepers["k"]}, {@code list[0]}. */
  static String path(Tfplugin6.AttributePath path) {
    StringBuilder out = new StringBuilder();
    for (Tfplugin6.AttributePath.Step step : path.getStepsList()) {
      switch (step.getSelectorCase()) {
        case ATTRIBUTE_NAME -> out.append(out.length() == 0 ? "" : ".").append(step.getAttributeName());
        case ELEMENT_KEY_STRING -> out.append("[\"").append(step.getElementKeyString()).append("\"]");
        case ELEMENT_KEY_INT -> out.append('[').append(step.getElementKeyInt()).append(']');
        default -> out.append("[?]");
      }
    }
    return out.toString();
  }

  boolean isError() {
    return severity == Tfplugin6.Diagnostic.Severity.ERROR;
  }

  boolean isWarning() {
    return severity == Tfplugin6.Diagnostic.Severity.WARNING;
  }

  static boolean hasErrors(List<Diag> diagnostics) {
    return diagnostics.stream().anyMatch(Diag::isError);
  }

  static List<Diag> errors(List<Diag> diagnostics) {
    return diagnostics.stream().filter(Diag::isError).toList();
  }

  static List<Diag> warnings(List<Diag> diagnostics) {
    return diagnostics.stream().filter(Diag::isWarning).toList();
  }

  @Override
  public String toString() {
    return severity + (path.isEmpty() ? "" : " at " + path) + ": " + summary + (detail.isEmpty() ? "" : " — " + detail);
  }
}
