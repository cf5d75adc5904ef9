package io.pyvider.application.lifecycle;

import io.pyvider.application.component.ListResource;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A list resource a test scripts: its config is {@code prefix} (required); by default it offers {@link #items} one by
 * one until the sink refuses, and records how many the sink accepted.
 */
final class ScriptedListResource implements ListResource {

  static final Schema SCHEMA = new Schema(0, Block.of("scripted list", List.of(
      Attribute.builder("prefix", CtyType.STRING).required().build())));

  private final String typeName;
  final List<Listed> items = new ArrayList<>();
  Function<Value.ObjectVal, Diagnostics> validate = config -> Diagnostics.NONE;
  Diagnostics overall = Diagnostics.NONE;
  /** Whether the sink asked for more after each offered item. */
  final List<Boolean> answers = new ArrayList<>();
  ProviderContext lastContext;

  ScriptedListResource(String typeName) {
    this.typeName = typeName;
  }

  static Value.ObjectVal config(String prefix) {
    return SCHEMA.block().emptyValue().with("prefix", prefix == null ? Value.nullOf(CtyType.STRING)
        : Value.string(prefix));
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
    return validate.apply(config);
  }

  @Override
  public Diagnostics list(Value.ObjectVal config, boolean includeResourceObject, ProviderContext provider,
      Sink sink) {
    lastContext = provider;
    for (Listed item : items) {
      boolean more = sink.accept(item);
      answers.add(more);
      if (!more) {
        break;
      }
    }
    return overall;
  }
}
