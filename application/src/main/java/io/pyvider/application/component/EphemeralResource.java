package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Schema;

/**
 * The SPI an ephemeral resource implements (Terraform 1.10): a value opened for one Terraform phase and never stored.
 * The engine decodes, checks the opened value against the schema, and seals the private data that lets Renew and
 * Close find what Open made; a component only decides values.
 */
public interface EphemeralResource {

  String typeName();

  Schema schema();

  /** Served only in test mode, like {@link ManagedResource#testOnly()}. */
  default boolean testOnly() {
    return false;
  }

  /** Checks configuration, which may contain unknown values. */
  default Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    return Diagnostics.NONE;
  }

  /** Opens the resource for a wholly known configuration (Terraform defers Open while anything is unknown). */
  EphemeralOpenResult open(Value.ObjectVal config, ProviderContext provider);

  /** Called once the renew time Open (or the previous Renew) asked for has passed. */
  default EphemeralRenewResult renew(PrivateState opened, ProviderContext provider) {
    return EphemeralRenewResult.NOTHING_TO_RENEW;
  }

  /** Called at the end of the phase with the private data Open returned (never a renewed one). */
  default Diagnostics close(PrivateState opened, ProviderContext provider) {
    return Diagnostics.NONE;
  }
}
