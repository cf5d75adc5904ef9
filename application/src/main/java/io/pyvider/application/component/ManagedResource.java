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

  /**
   * Whether plan, apply, read or import may wait on the host (its file system, the network) for as long as the host
   * takes: a transport then runs them where waiting holds up no other call. Pure computations answer false.
   */
  default boolean waitsOnHost() {
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

  /**
   * Imports the object an import block's {@code identity} names (Terraform 1.12). The default refuses, for types
   * without an identity; types with one usually read the identity's attribute and import as by id.
   */
  default ImportResult importByIdentity(Value.ObjectVal identity, ProviderContext provider) {
    return ImportResult.refused(Diagnostic.error("Import by identity is not supported by " + typeName(),
        typeName() + " declares no resource identity, so an import block must give an id instead."));
  }

  /**
   * The configuration that would manage {@code state} (GenerateResourceConfig, for {@code -generate-config-out}):
   * by default the state without the attributes configuration cannot set (computed only) or that are never stored
   * (write-only), so the generated HCL is clean and plans no change.
   */
  default Value.ObjectVal generateConfig(Value.ObjectVal state) {
    Value.ObjectVal config = state;
    for (io.pyvider.domain.terraform.schema.Attribute attribute : schema().block().attributes().values()) {
      if (attribute.computedOnly() || attribute.writeOnly()) {
        config = config.with(attribute.name(), Value.nullOf(attribute.type()));
      }
    }
    return config;
  }

  /** Brings an identity stored at an older identity version to the current one; unchanged by default. */
  default Value.ObjectVal upgradeIdentity(long version, Value.ObjectVal stored) {
    return stored;
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
