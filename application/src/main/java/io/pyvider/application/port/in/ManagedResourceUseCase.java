package io.pyvider.application.port.in;

import io.pyvider.domain.terraform.diag.Diagnostics;

/** The lifecycle of managed resources: validate, plan, apply, read, import, upgrade. */
public interface ManagedResourceUseCase {

  Diagnostics validate(Commands.ValidateConfig command);

  Outcomes.PlanResource plan(Commands.PlanResource command);

  Outcomes.ApplyResource apply(Commands.ApplyResource command);

  Outcomes.ReadResource read(Commands.ReadResource command);

  Outcomes.ImportResource importState(Commands.ImportResource command);

  Outcomes.UpgradeResource upgrade(Commands.UpgradeResource command);

  Outcomes.UpgradeIdentity upgradeIdentity(Commands.UpgradeIdentity command);

  Outcomes.GenerateConfig generateConfig(Commands.GenerateConfig command);

  /** Whether calls for {@code typeName} may wait on the host's file system or network (false for unknown types). */
  boolean waitsOnHost(String typeName);
}
