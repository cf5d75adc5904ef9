package io.pyvider.application.component;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.time.Instant;
import java.util.Optional;

/** What Renew produced: new private data (empty keeps none), the next renew time (empty: no more), diagnostics. */
public record EphemeralRenewResult(PrivateData privateData, Optional<Instant> renewAt, Diagnostics diagnostics) {

  public static final EphemeralRenewResult NOTHING_TO_RENEW =
      new EphemeralRenewResult(PrivateData.EMPTY, Optional.empty(), Diagnostics.NONE);

  public EphemeralRenewResult {
    privateData = privateData == null ? PrivateData.EMPTY : privateData;
    renewAt = renewAt == null ? Optional.empty() : renewAt;
    diagnostics = diagnostics == null ? Diagnostics.NONE : diagnostics;
  }
}
