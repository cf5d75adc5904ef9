package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;
import java.util.Optional;

/** Small readers for object attributes, so components say what they want instead of casting. */
public final class Attributes {

  private Attributes() {
  }

  /** The attribute's string when it is known and not null. */
  public static Optional<String> knownString(Value.ObjectVal object, String name) {
    return object.get(name) instanceof Value.Str s ? Optional.of(s.value()) : Optional.empty();
  }

  /** The attribute's boolean when it is known and not null. */
  public static Optional<Boolean> knownBool(Value.ObjectVal object, String name) {
    return object.get(name) instanceof Value.Bool b ? Optional.of(b.value()) : Optional.empty();
  }

  /** Whether the attribute's value is wholly known (null counts as known). */
  public static boolean isKnown(Value.ObjectVal object, String name) {
    return object.get(name).isWhollyKnown();
  }
}
