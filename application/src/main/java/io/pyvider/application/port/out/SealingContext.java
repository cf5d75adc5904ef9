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

  /**
   * The context of an ephemeral resource's private data: bound to the ephemeral kind as well as the type, so the
   * private state of a managed {@code pyvider_timed_token} never opens as an ephemeral one's, nor the reverse.
   */
  public static SealingContext ephemeral(String typeName) {
    return new SealingContext("ephemeral:" + typeName);
  }
}
