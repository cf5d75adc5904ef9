package io.pyvider.application.port.in;

import io.pyvider.domain.terraform.diag.Diagnostics;

/** Ephemeral resources: validate configuration, open, renew, close. */
public interface EphemeralResourceUseCase {

  Diagnostics validate(Commands.ValidateConfig command);

  Outcomes.OpenEphemeral open(Commands.OpenEphemeral command);

  Outcomes.RenewEphemeral renew(Commands.RenewEphemeral command);

  Diagnostics close(Commands.CloseEphemeral command);
}
