package io.pyvider.application.lifecycle;

import io.pyvider.application.component.DataReadResult;
import io.pyvider.application.component.DataSource;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A tiny data source a test can script: {@code input} (required) and {@code output} (computed, input upper-cased). */
final class ScriptedDataSource implements DataSource {

  static final Schema SCHEMA = new Schema(0, Block.of("scripted data", List.of(
      Attribute.builder("input", CtyType.STRING).required().build(),
      Attribute.builder("output", CtyType.STRING).computed().build())));
  static final CtyType.ObjectOf TYPE = SCHEMA.block().impliedType();

  private final String typeName;
  boolean testOnly;
  BiFunction<Value.ObjectVal, ProviderContext, Diagnostics> validate = (config, provider) -> Diagnostics.NONE;
  Function<Value.ObjectVal, DataReadResult> read = config -> new DataReadResult(
      config.with("output", Value.string(((Value.Str) config.get("input")).value().toUpperCase())), Diagnostics.NONE);

  ScriptedDataSource(String typeName) {
    this.typeName = typeName;
  }

  static Value.ObjectVal config(String input) {
    return SCHEMA.block().emptyValue().with("input", input == null ? Value.nullOf(CtyType.STRING) : Value.string(input));
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
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    return validate.apply(config, provider);
  }

  @Override
  public DataReadResult read(Value.ObjectVal config, ProviderContext provider) {
    return read.apply(config);
  }
}
