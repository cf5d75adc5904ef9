package io.pyvider.application.component.envvariables;

import io.pyvider.application.component.EphemeralOpenResult;
import io.pyvider.application.component.EphemeralResource;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.Optional;

/**
 * The ephemeral {@code pyvider_env_variables}: the data source's selection and filters, for secrets that must reach
 * the configuration without being stored. Nothing is held open, so there is nothing to renew or close.
 */
public final class EnvVariablesEphemeralResource implements EphemeralResource {

  private final Environment environment;

  public EnvVariablesEphemeralResource(Environment environment) {
    this.environment = environment;
  }

  @Override
  public String typeName() {
    return EnvVariablesSchema.TYPE_NAME;
  }

  @Override
  public Schema schema() {
    return EnvVariablesSchema.EPHEMERAL_SCHEMA;
  }

  @Override
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    return EnvironmentSelection.validate(config);
  }

  @Override
  public EphemeralOpenResult open(Value.ObjectVal config, ProviderContext provider) {
    EnvironmentSelection.Selected selected = EnvironmentSelection.select(environment.snapshot(), config);
    return new EphemeralOpenResult(selected.fill(config), PrivateData.EMPTY, Optional.empty(),
        selected.diagnostics());
  }
}
