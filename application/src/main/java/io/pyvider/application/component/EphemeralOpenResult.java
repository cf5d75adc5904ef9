package io.pyvider.application.component;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What Open produced: the value Terraform hands to the configuration, the private data Renew and Close will get back
 * (sealed by the engine), and when Terraform should call Renew (empty: never).
 */
public record EphemeralOpenResult(Value result, PrivateData privateData, Optional<Instant> renewAt,
    Diagnostics diagnostics) {

  public EphemeralOpenResult {
    Objects.requireNonNull(result, "result");
    privateData = privateData == null ? PrivateData.EMPTY : privateData;
    renewAt = renewAt == null ? Optional.empty() : renewAt;
    diagnostics = diagnostics == null ? Diagnostics.NONE : diagnostics;
  }
}
