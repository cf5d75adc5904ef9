package io.pyvider.application.component;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.Objects;

/** The new state after apply (null after destroy), the private data to store with it, and diagnostics. */
public record ApplyResult(Value newState, PrivateData privateData, Diagnostics diagnostics) {
  public ApplyResult {
    Objects.requireNonNull(newState, "newState");
    privateData = privateData == null ? PrivateData.EMPTY : privateData;
    diagnostics = diagnostics == null ? Diagnostics.NONE : diagnostics;
  }
}
