package io.pyvider.domain.terraform.schema;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A configuration block: attributes and nested block types, with its documentation. */
public record Block(
    Map<String, Attribute> attributes, Map<String, NestedBlock> blockTypes, String description, boolean deprecated) {

  public Block {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    blockTypes = Collections.unmodifiableMap(new LinkedHashMap<>(blockTypes));
    description = description == null ? "" : description;
  }

  public static Block of(String description, List<Attribute> attributes) {
    Map<String, Attribute> byName = new LinkedHashMap<>();
    for (Attribute attribute : attributes) {
      if (byName.put(attribute.name(), attribute) != null) {
        throw new IllegalArgumentException("attribute \"" + attribute.name() + "\" declared twice");
      }
    }
    return new Block(byName, Map.of(), description, false);
  }

  public Attribute attribute(String name) {
    return attributes.get(name);
  }

  /** The object type a value of this block has (Terraform's "implied type"). */
  public CtyType.ObjectOf impliedType() {
    Map<String, CtyType> types = new TreeMap<>();
    attributes.forEach((name, attribute) -> types.put(name, attribute.type()));
    blockTypes.forEach((name, nested) -> {
      CtyType inner = nested.block().impliedType();
      types.put(name, switch (nested.nesting()) {
        case SINGLE, GROUP -> inner;
        case LIST -> CtyType.listOf(inner);
        case SET -> CtyType.setOf(inner);
        case MAP -> CtyType.mapOf(inner);
      });
    });
    return new CtyType.ObjectOf(types);
  }

  /** The value of this block with every attribute null and every nested collection empty. */
  public Value.ObjectVal emptyValue() {
    Map<String, Value> values = new TreeMap<>();
    attributes.forEach((name, attribute) -> values.put(name, Value.nullOf(attribute.type())));
    blockTypes.forEach((name, nested) -> {
      CtyType inner = nested.block().impliedType();
      values.put(name, switch (nested.nesting()) {
        case SINGLE -> Value.nullOf(inner);
        case GROUP -> nested.block().emptyValue();
        case LIST -> new Value.ListVal(inner, List.of());
        case SET -> new Value.SetVal(inner, java.util.Set.of());
        case MAP -> new Value.MapVal(inner, new TreeMap<>());
      });
    });
    return new Value.ObjectVal(new TreeMap<>(values));
  }
}
