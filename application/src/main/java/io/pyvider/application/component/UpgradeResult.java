package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;

/** State upgraded to the current schema version, with diagnostics. */
public record UpgradeResult(Value upgraded, Diagnostics diagnostics) {
  public UpgradeResult {
    java.util.Objects.requireNonNull(upgraded, "upgraded");
    diagnostics = diagnostics == null ? Diagnostics.NONE : diagnostics;
  }

  public static UpgradeResult of(Value upgraded) {
    return new UpgradeResult(upgraded, Diagnostics.NONE);
  }
}
