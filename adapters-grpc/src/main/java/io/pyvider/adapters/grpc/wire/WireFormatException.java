package io.pyvider.adapters.grpc.wire;

import io.pyvider.domain.terraform.cty.AttributePath;
import java.util.Objects;

/**
 * A serialised value or type that does not match what was expected; {@link #path()} says where in the value.
 *
 * <p>Messages name types, counts and attribute names only, never the value's content: values may be secrets.
 */
public final class WireFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  // transient: AttributePath is not Serializable and nobody serialises exceptions here.
  private final transient AttributePath path;

  public WireFormatException(AttributePath path, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.path = Objects.requireNonNull(path, "path");
  }

  /** Where in the value decoding failed; {@link AttributePath#ROOT} for the whole value. */
  public AttributePath path() {
    return path;
  }
}
