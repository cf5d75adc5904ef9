package io.pyvider.domain.terraform.diag;

import io.pyvider.domain.terraform.cty.AttributePath;
import java.util.Objects;

/**
 * A message for the Terraform user: severity, a one-line summary, a detail saying what to do, and the attribute it is
 * about ({@link AttributePath#ROOT} when it is about the whole object).
 */
public record Diagnostic(Severity severity, String summary, String detail, AttributePath path) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    detail = detail == null ? "" : detail;
    path = path == null ? AttributePath.ROOT : path;
  }

  public static Diagnostic error(String summary, String detail) {
    return new Diagnostic(Severity.ERROR, summary, detail, AttributePath.ROOT);
  }

  public static Diagnostic error(AttributePath path, String summary, String detail) {
    return new Diagnostic(Severity.ERROR, summary, detail, path);
  }

  public static Diagnostic warning(String summary, String detail) {
    return new Diagnostic(Severity.WARNING, summary, detail, AttributePath.ROOT);
  }

  public static Diagnostic warning(AttributePath path, String summary, String detail) {
    return new Diagnostic(Severity.WARNING, summary, detail, path);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
