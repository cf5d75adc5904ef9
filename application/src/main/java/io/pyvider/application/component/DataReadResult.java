package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;

/** A data source's result: the state to expose (never null on success) and diagnostics. */
public record DataReadResult(Value state, Diagnostics diagnostics) {
  public DataReadResult {
    java.util.Objects.requireNonNull(state, "state");
    diagnostics = diagnostics == null ? Diagnostics.NONE : diagnostics;
  }
}
