package io.pyvider.domain.terraform.schema;

import java.util.Objects;

/** The schema of a provider, resource type or data source: a versioned root block. */
public record Schema(long version, Block block) {
  public Schema {
    Objects.requireNonNull(block, "block");
    if (version < 0) {
      throw new IllegalArgumentException("schema version must not be negative");
    }
  }
}
