package io.pyvider.domain.terraform.diag;

/** How serious a diagnostic is; only errors stop Terraform. */
public enum Severity { ERROR, WARNING }
