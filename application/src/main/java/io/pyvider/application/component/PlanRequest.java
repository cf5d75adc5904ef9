package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;

/**
 * PlanResourceChange as a component sees it: prior state (null on create), Terraform's proposed new state (null on
 * destroy), the configuration, and the prior private state.
 */
public record PlanRequest(Value prior, Value proposed, Value config, PrivateState priorPrivate, ProviderContext provider) {

  public boolean isCreate() {
    return prior.isNull();
  }

  public boolean isDestroy() {
    return proposed.isNull();
  }
}
