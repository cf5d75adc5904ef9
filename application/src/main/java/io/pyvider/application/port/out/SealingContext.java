package io.pyvider.application.port.out;

import java.util.Objects;

/**
 * What a sealed blob is bound to: the resource type it belongs to. Sealers use it as associated data, so a blob
 * copied onto another resource type does not open.
 */
public record SealingContext(String resourceType) {
  public SealingContext {
    Objects.requireNonNull(resourceType, "resourceType");
  }
}
