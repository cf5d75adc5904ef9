package io.pyvider.application.port.in;

import io.pyvider.domain.terraform.diag.Diagnostics;

/** Data sources: validate configuration, read. */
public interface DataSourceUseCase {

  Diagnostics validate(Commands.ValidateConfig command);

  Outcomes.ReadData read(Commands.ReadData command);
}
