package io.pyvider.application.component.functions;

import io.pyvider.application.component.FunctionResult;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import java.util.List;

/** {@code provider::pyvider::parse_duration(duration)}: the number of seconds in a duration such as {@code 1h30m}. */
public final class ParseDurationFunction extends TextArgumentsFunction {

  private static final int DURATION = 0;

  public ParseDurationFunction() {
    super(new FunctionDeclaration("parse_duration",
        "The number of seconds in a duration such as \"1h30m\"",
        "Converts a duration written the way pyvider_timed_token's `lifetime` and `rotate_before` are written "
            + "(whole numbers with the units d, h, m and s, such as \"45s\", \"90m\", \"1h30m\" or \"7d\") into a "
            + "number of seconds: parse_duration(\"1h30m\") is 5400. An empty or unreadable duration, or one longer "
            + "than 100 years, is an error.",
        List.of(text("duration", "The duration, such as \"1h30m\".")),
        CtyType.NUMBER));
  }

  @Override
  FunctionResult compute(FunctionArguments arguments) throws FunctionArguments.InvalidArgument {
    return FunctionResult.of(Value.number(arguments.duration(DURATION).duration().getSeconds()));
  }
}
