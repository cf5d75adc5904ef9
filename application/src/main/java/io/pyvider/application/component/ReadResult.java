package io.pyvider.application.component;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.Objects;

/** The refreshed state (null when the object is gone), its private data, and diagnostics. */
public record ReadResult(Value newState, PrivateData privateData, Diagnostics diagnostics) {
  public ReadResult {
    Objects.requireNonNull(newState, "newState");
    privateData = privateData == null ? PrivateData.EMPTY : privateData;
    diagnostics = diagnostics == null ? Diagnostics.NONE : diagnostics;
  }
}
