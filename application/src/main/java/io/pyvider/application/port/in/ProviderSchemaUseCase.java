package io.pyvider.application.port.in;

/** GetProviderSchema: what the provider, its resources and its data sources look like. */
public interface ProviderSchemaUseCase {
  Outcomes.ProviderSchemas schemas();
}
