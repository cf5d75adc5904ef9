package io.pyvider.application.port.in;

import io.pyvider.domain.terraform.diag.Diagnostics;

/** ValidateProviderConfig, ConfigureProvider and StopProvider. */
public interface ProviderConfigurationUseCase {

  Diagnostics validate(WireValue config);

  Diagnostics configure(WireValue config);

  /** Cancels work in flight; the provider keeps serving (Terraform's StopProvider is advisory). */
  void stop();
}
