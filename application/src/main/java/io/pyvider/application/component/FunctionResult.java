package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;
import java.util.Objects;
import java.util.OptionalInt;

/** What a function call produced: a value, or an error that may name the 0-based argument it is about. */
public sealed interface FunctionResult {

  record Returned(Value value) implements FunctionResult {
    public Returned {
      Objects.requireNonNull(value, "value");
    }
  }

  record Failed(String text, OptionalInt argument) implements FunctionResult {
    public Failed {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(argument, "argument");
    }
  }

  static FunctionResult of(Value value) {
    return new Returned(value);
  }

  static FunctionResult badArgument(int index, String text) {
    return new Failed(text, OptionalInt.of(index));
  }
}
