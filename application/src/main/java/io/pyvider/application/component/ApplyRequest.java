package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;

/** ApplyResourceChange as a component sees it: prior state, the planned state, configuration, planned private state. */
public record ApplyRequest(Value prior, Value planned, Value config, PrivateState plannedPrivate,
    ProviderContext provider) {

  public boolean isCreate() {
    return prior.isNull();
  }

  public boolean isDestroy() {
    return planned.isNull();
  }
}
