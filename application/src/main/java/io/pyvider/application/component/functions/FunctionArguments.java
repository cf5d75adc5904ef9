package io.pyvider.application.component.functions;

import io.pyvider.application.component.FunctionResult;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.token.ExpiryTimestamp;
import io.pyvider.domain.token.TokenDuration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A call's string arguments read as domain values. The engine has already refused null, unknown and mistyped
 * arguments, so every argument here is a known string; one that does not parse is an error naming its index.
 */
final class FunctionArguments {

  private final List<Value> values;

  FunctionArguments(List<Value> values) {
    this.values = values;
  }

  /** A duration in the syntax of pyvider_timed_token's {@code lifetime}: {@code 30s}, {@code 1h30m}, {@code 7d}. */
  TokenDuration duration(int index) throws InvalidArgument {
    return parse(index, TokenDuration::parse);
  }

  /** An RFC 3339 timestamp, as Terraform's timestamp() and plantimestamp() write them. */
  Instant timestamp(int index) throws InvalidArgument {
    return parse(index, ExpiryTimestamp::parseRfc3339);
  }

  private <T> T parse(int index, Function<String, T> parser) throws InvalidArgument {
    String text = ((Value.Str) values.get(index)).value();
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException unreadable) {
      throw new InvalidArgument(index, unreadable.getMessage() + ".");
    }
  }

  /** An argument the function cannot use; its message is the function error Terraform shows beside the argument. */
  static final class InvalidArgument extends Exception {
    private static final long serialVersionUID = 1L;

    private final int index;

    InvalidArgument(int index, String message) {
      super(message, null, false, false);
      this.index = index;
    }

    FunctionResult result() {
      return FunctionResult.badArgument(index, getMessage());
    }
  }
}
