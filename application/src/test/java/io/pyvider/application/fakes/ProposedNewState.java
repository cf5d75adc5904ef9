package io.pyvider.application.fakes;

import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import java.util.Map;
import java.util.TreeMap;

/**
 * Terraform's proposed new state (plans/objchange ProposedNew) for the top-level attributes of a block, so core tests
 * send PlanResourceChange what Terraform would: on create every attribute comes from configuration (computed ones
 * with null configuration stay null); on update a computed attribute with null configuration keeps its prior value;
 * on destroy (null configuration) the proposal is null. Nested blocks are taken from configuration as they are.
 */
public final class ProposedNewState {
  private ProposedNewState() {
  }

  public static Value of(Block block, Value prior, Value config) {
    if (config.isNull() || !(config instanceof Value.ObjectVal configObject)) {
      return config;
    }
    Value.ObjectVal priorObject = prior instanceof Value.ObjectVal p ? p : null;
    Map<String, Value> proposed = new TreeMap<>(configObject.attributes());
    for (Map.Entry<String, Attribute> entry : block.attributes().entrySet()) {
      String name = entry.getKey();
      Attribute attribute = entry.getValue();
      Value configured = configObject.get(name);
      if (attribute.computed() && configured.isNull()) {
        proposed.put(name, priorObject == null ? Value.nullOf(attribute.type()) : priorObject.get(name));
      }
    }
    return Value.ObjectVal.of(proposed);
  }
}
