package io.pyvider.application.lifecycle;

import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.NestedBlock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Terraform's rule for write-only attributes (1.11): configuration carries their value to the provider, but every
 * planned, applied, refreshed or imported object holds null for them. The engine applies it to every component's
 * answer, as terraform-plugin-framework does, so no component can send a write-only secret back into the state.
 */
final class WriteOnlyValues {

  private WriteOnlyValues() {
  }

  /** Whether any attribute of the block, at any depth, is write-only (most blocks have none: nothing to do). */
  static boolean present(Block block) {
    for (Attribute attribute : block.attributes().values()) {
      if (attribute.writeOnly()) {
        return true;
      }
    }
    for (NestedBlock nested : block.blockTypes().values()) {
      if (present(nested.block())) {
        return true;
      }
    }
    return false;
  }

  /** {@code value} with every write-only attribute of {@code block} set to null; other values untouched. */
  static Value nulled(Block block, Value value) {
    if (!present(block) || !(value instanceof Value.ObjectVal object)) {
      return value;
    }
    Value.ObjectVal result = object;
    for (Map.Entry<String, Attribute> entry : block.attributes().entrySet()) {
      if (entry.getValue().writeOnly() && !object.get(entry.getKey()).isNull()) {
        result = result.with(entry.getKey(), Value.nullOf(entry.getValue().type()));
      }
    }
    for (Map.Entry<String, NestedBlock> entry : block.blockTypes().entrySet()) {
      Block inner = entry.getValue().block();
      if (present(inner)) {
        result = result.with(entry.getKey(), nestedNulled(inner, result.get(entry.getKey())));
      }
    }
    return result;
  }

  private static Value nestedNulled(Block inner, Value nested) {
    if (nested instanceof Value.ObjectVal) {
      return nulled(inner, nested);
    }
    if (nested instanceof Value.ListVal list) {
      List<Value> elements = new ArrayList<>();
      list.elements().forEach(element -> elements.add(nulled(inner, element)));
      return new Value.ListVal(list.elementType(), elements);
    }
    if (nested instanceof Value.SetVal set) {
      Set<Value> elements = new LinkedHashSet<>();
      set.elements().forEach(element -> elements.add(nulled(inner, element)));
      return new Value.SetVal(set.elementType(), elements);
    }
    if (nested instanceof Value.MapVal map) {
      Map<String, Value> entries = new TreeMap<>();
      map.entries().forEach((key, element) -> entries.put(key, nulled(inner, element)));
      return Value.MapVal.of(map.elementType(), entries);
    }
    return nested;
  }
}
