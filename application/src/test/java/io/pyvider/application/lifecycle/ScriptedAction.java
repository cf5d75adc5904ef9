package io.pyvider.application.lifecycle;

import io.pyvider.application.component.Action;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A tiny action a test can script: {@code target} (required) and {@code note} (optional); it records its calls. */
final class ScriptedAction implements Action {

  static final Schema SCHEMA = new Schema(0, Block.of("scripted action", List.of(
      Attribute.builder("target", CtyType.STRING).required().build(),
      Attribute.builder("note", CtyType.STRING).optional().build())));
  static final CtyType.ObjectOf TYPE = SCHEMA.block().impliedType();

  private final String typeName;
  final List<String> calls = new ArrayList<>();
  Function<Value.ObjectVal, Diagnostics> validate = config -> Diagnostics.NONE;
  Function<Value.ObjectVal, Diagnostics> plan = config -> Diagnostics.NONE;
  BiFunction<Value.ObjectVal, Progress, Diagnostics> invoke = (config, progress) -> {
    progress.report("working on " + ((Value.Str) config.get("target")).value());
    return Diagnostics.NONE;
  };
  ProviderContext lastContext;

  ScriptedAction(String typeName) {
    this.typeName = typeName;
  }

  static Value.ObjectVal config(String target) {
    return SCHEMA.block().emptyValue().with("target", target == null ? Value.nullOf(CtyType.STRING)
        : Value.string(target));
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
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    calls.add("validate");
    return validate.apply(config);
  }

  @Override
  public Diagnostics plan(Value.ObjectVal config, ProviderContext provider) {
    calls.add("plan");
    return plan.apply(config);
  }

  @Override
  public Diagnostics invoke(Value.ObjectVal config, ProviderContext provider, Progress progress) {
    calls.add("invoke");
    lastContext = provider;
    return invoke.apply(config, progress);
  }
}
