package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Schema;

/**
 * The SPI an action implements (Terraform 1.14): an operation run on demand ({@code terraform apply -invoke}) or from
 * a resource's lifecycle ({@code action_trigger}), with progress reported while it runs. Failures are diagnostics.
 */
public interface Action {

  String typeName();

  Schema schema();

  /** Checks configuration, which may contain unknown values. */
  default Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    return Diagnostics.NONE;
  }

  /** Called during plan with the configuration as far as it is known; must have no side effects. */
  default Diagnostics plan(Value.ObjectVal config, ProviderContext provider) {
    return Diagnostics.NONE;
  }

  /** Runs the action for a wholly known configuration, reporting progress; returns the outcome's diagnostics. */
  Diagnostics invoke(Value.ObjectVal config, ProviderContext provider, Progress progress);

  /** Where an action reports how far it got; each message becomes one progress event. */
  @FunctionalInterface
  interface Progress {
    void report(String message);
  }
}
