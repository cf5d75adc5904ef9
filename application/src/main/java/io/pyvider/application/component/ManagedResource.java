package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.Optional;

/**
 * The SPI a managed resource type implements. The engine decodes, checks Terraform's rules, seals private state and
 * turns exceptions into diagnostics; a component only decides values.
 */
public interface ManagedResource {

  String typeName();

  Schema schema();

  /** Served only in test mode (PYVIDER_TESTMODE=true or provider attribute pyvider_testmode = true). */
  default boolean testOnly() {
    return false;
  }

  /** The identity (Terraform 1.12) naming one object of this type for as long as it lives; empty: none. */
  default Optional<IdentitySchema> identitySchema() {
    return Optional.empty();
  }

  /**
   * The identity of an object in {@code state}, whose attributes may still be unknown while it is being created;
   * empty when the type declares no identity. The engine checks it never changes while the object lives.
   */
  default Optional<Value.ObjectVal> identityOf(Value.ObjectVal state) {
    return Optional.empty();
  }

  /** Checks configuration, which may contain unknown values. */
  default Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    return Diagnostics.NONE;
  }

  PlanResult plan(PlanRequest request);

  ApplyResult apply(ApplyRequest request);

  ReadResult read(ReadRequest request);

  default ImportResult importState(String id, ProviderContext provider) {
    return ImportResult.refused(Diagnostic.error("Import is not supported by " + typeName(),
        typeName() + " cannot be imported: its state can only be created by this provider."));
  }

  /** The type stored state had at {@code version}, for decoding it before {@link #upgrade}; empty if unknown. */
  default Optional<CtyType.ObjectOf> stateTypeAt(long version) {
    return version == schema().version() ? Optional.of(schema().block().impliedType()) : Optional.empty();
  }

  /** Brings state stored at {@code version} to the current schema. */
  default UpgradeResult upgrade(long version, Value.ObjectVal stored) {
    return UpgradeResult.of(stored);
  }
}
