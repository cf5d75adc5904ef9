package io.pyvider.application.component;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.Optional;

/** An imported object (state and private data), or diagnostics saying why there is none. */
public record ImportResult(Optional<Value.ObjectVal> state, PrivateData privateData, Diagnostics diagnostics) {

  public ImportResult {
    state = state == null ? Optional.empty() : state;
    privateData = privateData == null ? PrivateData.EMPTY : privateData;
    diagnostics = diagnostics == null ? Diagnostics.NONE : diagnostics;
  }

  public static ImportResult refused(Diagnostic why) {
    return new ImportResult(Optional.empty(), PrivateData.EMPTY, Diagnostics.of(why));
  }
}
