package io.pyvider.domain.terraform.schema;

import java.util.Objects;

/** A nested block type inside a block, with how many of it configuration may hold and how they are keyed. */
public record NestedBlock(String typeName, Block block, Nesting nesting, int minItems, int maxItems) {

  /** How the nested blocks appear in the value: one object, a list, a set, a map by label, or an always-present group. */
  public enum Nesting { SINGLE, LIST, SET, MAP, GROUP }

  public NestedBlock {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(nesting, "nesting");
  }
}
