package io.pyvider.application.component;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.List;
import java.util.Objects;

/** A component's plan: the planned state, private data to carry to apply, paths that force replacement. */
public record PlanResult(Value planned, PrivateData plannedPrivate, List<AttributePath> requiresReplace,
    Diagnostics diagnostics) {

  public PlanResult {
    Objects.requireNonNull(planned, "planned");
    plannedPrivate = plannedPrivate == null ? PrivateData.EMPTY : plannedPrivate;
    requiresReplace = List.copyOf(requiresReplace);
    diagnostics = diagnostics == null ? Diagnostics.NONE : diagnostics;
  }

  public static PlanResult failed(Value prior, Diagnostics diagnostics) {
    return new PlanResult(prior, PrivateData.EMPTY, List.of(), diagnostics);
  }
}
