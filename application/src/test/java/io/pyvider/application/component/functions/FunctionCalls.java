package io.pyvider.application.component.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.pyvider.application.component.FunctionResult;
import io.pyvider.application.component.ProviderFunction;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/** Calls a function with string arguments, as the engine hands them over, and reads what it answered. */
final class FunctionCalls {

  private FunctionCalls() {
  }

  static FunctionResult call(ProviderFunction function, String... arguments) {
    return function.call(Arrays.stream(arguments).map(Value::string).toList());
  }

  static Value returned(FunctionResult result) {
    return assertInstanceOf(FunctionResult.Returned.class, result, result::toString).value();
  }

  /** The error's text, after checking it names the argument at {@code index}. */
  static String failedAt(int index, FunctionResult result) {
    FunctionResult.Failed failed = assertInstanceOf(FunctionResult.Failed.class, result, result::toString);
    assertEquals(OptionalInt.of(index), failed.argument(), failed.text());
    assertFalse(failed.text().isBlank());
    return failed.text();
  }

  /** The contract Terraform and the conformance suite hold every pyvider function to. */
  static void assertDeclared(FunctionDeclaration declaration, String name, List<String> parameters,
      CtyType returnType) {
    assertEquals(name, declaration.name());
    assertEquals(parameters, declaration.parameters().stream().map(FunctionDeclaration.Parameter::name).toList());
    for (FunctionDeclaration.Parameter parameter : declaration.parameters()) {
      assertEquals(CtyType.STRING, parameter.type(), parameter.name());
      assertFalse(parameter.allowNull(), parameter.name() + " must not allow null");
      assertFalse(parameter.allowUnknown(), parameter.name() + " must not allow unknown values");
      assertFalse(parameter.description().isBlank(), parameter.name() + " needs a description");
    }
    assertEquals(returnType, declaration.returnType());
    assertFalse(declaration.summary().isBlank());
    assertFalse(declaration.description().isBlank());
  }
}
