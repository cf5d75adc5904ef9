package io.pyvider.application.port.in;

/**
 * Provider functions (Terraform 1.8): call one by name. Terraform calls them on a provider it has not configured and
 * takes their declarations from GetProviderSchema, so this port needs neither configuration nor a schema of its own.
 */
public interface FunctionUseCase {

  Outcomes.CallFunction call(Commands.CallFunction command);
}
