package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Schema;

/** The SPI a data source implements: validate configuration, then read a state for it. */
public interface DataSource {

  String typeName();

  Schema schema();

  default boolean testOnly() {
    return false;
  }

  default Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    return Diagnostics.NONE;
  }

  /** Reads the data; {@code config} is wholly known (Terraform defers reads of unknown configuration). */
  DataReadResult read(Value.ObjectVal config, ProviderContext provider);
}
