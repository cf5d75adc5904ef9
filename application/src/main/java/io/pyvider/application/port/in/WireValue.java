package io.pyvider.application.port.in;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;

/**
 * A value as it arrived on the wire, decoded only once the engine knows which type to expect (the schema of the type
 * named in the same request). Decoding never throws: malformed input becomes {@link Malformed}.
 */
public interface WireValue {

  Decoding decodeAs(CtyType type);

  /** A value that is null whatever the type (an absent DynamicValue). */
  WireValue NULL = type -> new Decoded(Value.nullOf(type));

  /** The result of decoding. */
  sealed interface Decoding {
  }

  /** The decoded value. */
  record Decoded(Value value) implements Decoding {
  }

  /** Why the bytes are not a value of the type, and where in the value decoding stopped: Terraform sent them. */
  record Malformed(AttributePath path, String message) implements Decoding {
  }

  /** The decoder itself failed on input it should have handled or refused: the provider's bug, not Terraform's. */
  record DecoderFailed(String failure) implements Decoding {
  }
}
