package io.pyvider.application.port.in;

import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Actions (Terraform 1.14): validate configuration, plan, invoke with progress. */
public interface ActionUseCase {

  Diagnostics validate(Commands.ValidateConfig command);

  /** Plans the action; never has side effects. */
  Diagnostics plan(Commands.PlanAction command);

  /**
   * Runs the action. Each progress message is handed to {@code progress} as it happens, one at a time and never
   * after this returns; the result is the diagnostics of the one completed event. {@code callCancelled} tells
   * whether the caller gave up on this call (the action is also cancelled by StopProvider). Never throws.
   */
  Diagnostics invoke(Commands.InvokeAction command, Consumer<String> progress, BooleanSupplier callCancelled);
}
