package io.pyvider.application.component.functions;

import io.pyvider.application.component.FunctionResult;
import io.pyvider.application.component.ProviderFunction;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import java.util.List;

/**
 * A pyvider function whose parameters are all required strings (times and durations as users write them): it only
 * computes, and an argument that does not parse becomes the error Terraform shows beside that argument.
 */
abstract class TextArgumentsFunction implements ProviderFunction {

  private final FunctionDeclaration declaration;

  TextArgumentsFunction(FunctionDeclaration declaration) {
    this.declaration = declaration;
  }

  /** A string parameter that is neither null nor unknown: Terraform checks both before it calls the provider. */
  static FunctionDeclaration.Parameter text(String name, String description) {
    return new FunctionDeclaration.Parameter(name, CtyType.STRING, description, false, false);
  }

  abstract FunctionResult compute(FunctionArguments arguments) throws FunctionArguments.InvalidArgument;

  @Override
  public final FunctionDeclaration declaration() {
    return declaration;
  }

  @Override
  public final FunctionResult call(List<Value> arguments) {
    try {
      return compute(new FunctionArguments(arguments));
    } catch (FunctionArguments.InvalidArgument invalid) {
      return invalid.result();
    }
  }
}
