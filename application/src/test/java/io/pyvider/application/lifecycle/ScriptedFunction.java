package io.pyvider.application.lifecycle;

import io.pyvider.application.component.FunctionResult;
import io.pyvider.application.component.ProviderFunction;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A function a test can script: {@code repeat(text string, times number, suffix string)} returns text repeated,
 * then the suffix; {@code suffix} alone may be null. It records the arguments of every call.
 */
final class ScriptedFunction implements ProviderFunction {

  static final String NAME = "repeat";
  static final FunctionDeclaration DECLARATION = new FunctionDeclaration(NAME, "Repeats text", "Repeats text.",
      List.of(new FunctionDeclaration.Parameter("text", CtyType.STRING, "", false, false),
          new FunctionDeclaration.Parameter("times", CtyType.NUMBER, "", false, false),
          new FunctionDeclaration.Parameter("suffix", CtyType.STRING, "", true, false)),
      CtyType.STRING);

  final List<List<Value>> calls = new ArrayList<>();
  Function<List<Value>, FunctionResult> body = arguments -> {
    String text = ((Value.Str) arguments.get(0)).value();
    int times = ((Value.Num) arguments.get(1)).value().intValueExact();
    String suffix = arguments.get(2) instanceof Value.Str s ? s.value() : "";
    return FunctionResult.of(Value.string(text.repeat(times) + suffix));
  };

  @Override
  public FunctionDeclaration declaration() {
    return DECLARATION;
  }

  @Override
  public FunctionResult call(List<Value> arguments) {
    calls.add(arguments);
    return body.apply(arguments);
  }
}
