package io.pyvider.application.lifecycle;

import io.pyvider.application.component.ApplyRequest;
import io.pyvider.application.component.ApplyResult;
import io.pyvider.application.component.ImportResult;
import io.pyvider.application.component.ManagedResource;
import io.pyvider.application.component.PlanRequest;
import io.pyvider.application.component.PlanResult;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.component.ReadRequest;
import io.pyvider.application.component.ReadResult;
import io.pyvider.application.component.UpgradeResult;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A tiny managed resource whose every answer a test can script, to drive the engine into the corners no real
 * component should reach. Schema: {@code name} (required), {@code note} (optional), {@code id} (computed),
 * {@code secret} (computed, sensitive). By default it behaves: create plans {@code id} and {@code secret} unknown,
 * apply fills them, read returns what it got.
 */
final class ScriptedResource implements ManagedResource {

  static final Schema SCHEMA = new Schema(1, Block.of("scripted", List.of(
      Attribute.builder("name", CtyType.STRING).required().build(),
      Attribute.builder("note", CtyType.STRING).optional().build(),
      Attribute.builder("id", CtyType.STRING).computed().build(),
      Attribute.builder("secret", CtyType.STRING).computed().sensitive().build())));
  static final CtyType.ObjectOf TYPE = SCHEMA.block().impliedType();

  private final String typeName;
  final List<String> calls = new ArrayList<>();
  boolean testOnly;
  boolean waitsOnHost;
  BiFunction<Value.ObjectVal, ProviderContext, Diagnostics> validate = (config, provider) -> Diagnostics.NONE;
  Function<PlanRequest, PlanResult> plan = ScriptedResource::planNormally;
  Function<ApplyRequest, ApplyResult> apply = ScriptedResource::applyNormally;
  Function<ReadRequest, ReadResult> read = request -> new ReadResult(request.current(), PrivateData.EMPTY, null);
  Function<String, ImportResult> importer = null;
  Function<Value.ObjectVal, UpgradeResult> upgrade = UpgradeResult::of;
  Function<Long, Optional<CtyType.ObjectOf>> stateType = version -> Optional.of(TYPE);
  /** The identity schema; none by default, and then the hooks below are never asked. */
  IdentitySchema identitySchema = null;
  Function<Value.ObjectVal, Optional<Value.ObjectVal>> identity = state -> Optional.empty();
  Function<Value.ObjectVal, ImportResult> importerByIdentity = null;
  Function<Value.ObjectVal, Value.ObjectVal> upgradeIdentity = stored -> stored;
  /** null: the SPI's default configuration generation. */
  Function<Value.ObjectVal, Value.ObjectVal> generateConfig = null;

  ScriptedResource(String typeName) {
    this.typeName = typeName;
  }

  static Value.ObjectVal object(String name, String note, String id, String secret) {
    return SCHEMA.block().emptyValue()
        .with("name", name == null ? Value.nullOf(CtyType.STRING) : Value.string(name))
        .with("note", note == null ? Value.nullOf(CtyType.STRING) : Value.string(note))
        .with("id", id == null ? Value.nullOf(CtyType.STRING) : Value.string(id))
        .with("secret", secret == null ? Value.nullOf(CtyType.STRING) : Value.string(secret));
  }

  static PlanResult planNormally(PlanRequest request) {
    if (request.isDestroy()) {
      return new PlanResult(Value.nullOf(TYPE), PrivateData.EMPTY, List.of(), null);
    }
    Value.ObjectVal planned = (Value.ObjectVal) request.proposed();
    if (request.isCreate()) {
      planned = planned.with("id", Value.unknown(CtyType.STRING)).with("secret", Value.unknown(CtyType.STRING));
    }
    return new PlanResult(planned, PrivateData.EMPTY, List.of(), null);
  }

  static ApplyResult applyNormally(ApplyRequest request) {
    if (request.isDestroy()) {
      return new ApplyResult(Value.nullOf(TYPE), PrivateData.EMPTY, null);
    }
    Value.ObjectVal planned = (Value.ObjectVal) request.planned();
    if (!planned.get("id").isKnown()) {
      planned = planned.with("id", Value.string("id-1")).with("secret", Value.string("hunter2"));
    }
    return new ApplyResult(planned, PrivateData.EMPTY, null);
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public boolean testOnly() {
    return testOnly;
  }

  @Override
  public boolean waitsOnHost() {
    return waitsOnHost;
  }

  @Override
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    calls.add("validate");
    return validate.apply(config, provider);
  }

  @Override
  public PlanResult plan(PlanRequest request) {
    calls.add("plan");
    return plan.apply(request);
  }

  @Override
  public ApplyResult apply(ApplyRequest request) {
    calls.add("apply");
    return apply.apply(request);
  }

  @Override
  public ReadResult read(ReadRequest request) {
    calls.add("read");
    return read.apply(request);
  }

  @Override
  public ImportResult importState(String id, ProviderContext provider) {
    calls.add("import");
    return importer == null ? ManagedResource.super.importState(id, provider) : importer.apply(id);
  }

  @Override
  public Optional<IdentitySchema> identitySchema() {
    return Optional.ofNullable(identitySchema);
  }

  @Override
  public Optional<Value.ObjectVal> identityOf(Value.ObjectVal state) {
    calls.add("identity");
    return identity.apply(state);
  }

  @Override
  public ImportResult importByIdentity(Value.ObjectVal identity, ProviderContext provider) {
    calls.add("importByIdentity");
    return importerByIdentity == null ? ManagedResource.super.importByIdentity(identity, provider)
        : importerByIdentity.apply(identity);
  }

  @Override
  public Value.ObjectVal upgradeIdentity(long version, Value.ObjectVal stored) {
    calls.add("upgradeIdentity");
    return upgradeIdentity.apply(stored);
  }

  @Override
  public Value.ObjectVal generateConfig(Value.ObjectVal state) {
    calls.add("generateConfig");
    return generateConfig == null ? ManagedResource.super.generateConfig(state) : generateConfig.apply(state);
  }

  @Override
  public Optional<CtyType.ObjectOf> stateTypeAt(long version) {
    return stateType.apply(version);
  }

  @Override
  public UpgradeResult upgrade(long version, Value.ObjectVal stored) {
    calls.add("upgrade");
    return upgrade.apply(stored);
  }
}
