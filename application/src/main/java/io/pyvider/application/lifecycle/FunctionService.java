package io.pyvider.application.lifecycle;

import io.pyvider.application.component.FunctionResult;
import io.pyvider.application.component.ProviderFunction;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.FunctionUseCase;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.application.port.out.CrashReport;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Provider functions: decode and check each argument against the declaration, call, and check the result conforms
 * to the declared return type. Every failure, a function's bug included, is a function error, never an exception.
 * No session is involved: Terraform calls functions on a provider it has not configured.
 */
public final class FunctionService implements FunctionUseCase {

  private final ComponentCatalog catalog;
  private final CrashReport crashes;

  public FunctionService(ComponentCatalog catalog) {
    this(catalog, CrashReport.NONE);
  }

  public FunctionService(ComponentCatalog catalog, CrashReport crashes) {
    this.catalog = catalog;
    this.crashes = crashes;
  }

  @Override
  public Outcomes.CallFunction call(Commands.CallFunction command) {
    Optional<ProviderFunction> found = catalog.function(command.name());
    if (found.isEmpty()) {
      return failed(Diagnoses.unknownFunction(command.name()), OptionalInt.empty());
    }
    ProviderFunction function = found.get();
    FunctionDeclaration declaration = function.declaration();
    List<FunctionDeclaration.Parameter> parameters = declaration.parameters();
    int given = command.arguments().size();
    if (given != parameters.size()) {
      String text = command.name() + " takes " + parameters.size() + " argument" + (parameters.size() == 1 ? "" : "s")
          + " " + parameterNames(parameters) + ", but was called with " + given + ".";
      // Too many: point at the first extra argument. Too few: the missing one is not in the call to point at.
      return Outcomes.CallFunction.failed(text, given > parameters.size()
          ? OptionalInt.of(parameters.size()) : OptionalInt.empty());
    }
    List<Value> arguments = new ArrayList<>(given);
    for (int index = 0; index < given; index++) {
      FunctionDeclaration.Parameter parameter = parameters.get(index);
      WireValue.Decoding decoding = command.arguments().get(index).decodeAs(parameter.type());
      if (decoding instanceof WireValue.Malformed malformed) {
        return Outcomes.CallFunction.failed("The provider could not decode the " + parameter.name() + " argument "
            + "Terraform sent" + (malformed.path().isRoot() ? "" : " at " + malformed.path()) + ": "
            + malformed.message() + ".", OptionalInt.of(index));
      }
      if (decoding instanceof WireValue.DecoderFailed bug) {
        return failed(Diagnoses.decoderFailed("argument " + parameter.name(), bug.failure()), OptionalInt.empty());
      }
      Value value = ((WireValue.Decoded) decoding).value();
      Optional<String> problem = argumentProblem(parameter, value);
      if (problem.isPresent()) {
        return Outcomes.CallFunction.failed(problem.get(), OptionalInt.of(index));
      }
      arguments.add(value);
    }
    FunctionResult result;
    try {
      result = function.call(List.copyOf(arguments));
    } catch (RuntimeException crash) {
      // A function reports bad input as Failed; throwing is a bug, and Terraform must hear it as one.
      crashes.crashed("function " + command.name(), crash);
      return failed(Diagnoses.componentCrashed(command.name(), "the call", crash), OptionalInt.empty());
    }
    if (result == null) {
      return failed(Diagnoses.brokenAnswer(command.name(), "function result", List.of("the call returned no result")),
          OptionalInt.empty());
    }
    return checked(command.name(), declaration, given, result);
  }

  private static String parameterNames(List<FunctionDeclaration.Parameter> parameters) {
    return "(" + String.join(", ", parameters.stream().map(FunctionDeclaration.Parameter::name).toList()) + ")";
  }

  /** What Terraform itself refuses before calling a provider (allow_null_value, allow_unknown_values), and types. */
  private static Optional<String> argumentProblem(FunctionDeclaration.Parameter parameter, Value value) {
    if (value.isNull()) {
      return parameter.allowNull() ? Optional.empty()
          : Optional.of("The " + parameter.name() + " argument must not be null.");
    }
    if (!value.isWhollyKnown() && !parameter.allowUnknown()) {
      return Optional.of("The " + parameter.name() + " argument must be known: the function cannot be called with "
          + "a value that is only known after apply.");
    }
    return ValueConformance.problem(value, parameter.type(), AttributePath.ROOT)
        .map(shape -> "The " + parameter.name() + " argument has the wrong type: " + shape + ".");
  }

  /** The function's error as it gave it, or its value once it is a known, non-null value of the return type. */
  private static Outcomes.CallFunction checked(String name, FunctionDeclaration declaration, int given,
      FunctionResult result) {
    if (result instanceof FunctionResult.Failed failed) {
      OptionalInt argument = failed.argument();
      if (argument.isPresent() && (argument.getAsInt() < 0 || argument.getAsInt() >= given)) {
        return failed(Diagnoses.brokenAnswer(name, "function error", List.of("it names argument "
            + argument.getAsInt() + " of " + given + " (" + failed.text() + ")")), OptionalInt.empty());
      }
      return Outcomes.CallFunction.failed(failed.text(), argument);
    }
    Value value = ((FunctionResult.Returned) result).value();
    Optional<String> shape = ValueConformance.problem(value, declaration.returnType(), AttributePath.ROOT);
    if (value.isNull() || shape.isPresent() || !value.isWhollyKnown()) {
      return failed(Diagnoses.brokenAnswer(name, "function result", List.of(shape.orElse(
          value.isNull() ? "the result is null" : "the result contains unknown values"))), OptionalInt.empty());
    }
    return Outcomes.CallFunction.returned(declaration.returnType(), value);
  }

  /** A function error has only text: the diagnostic's summary and detail, in one sentence pair. */
  private static Outcomes.CallFunction failed(Diagnostic diagnostic, OptionalInt argument) {
    return Outcomes.CallFunction.failed(diagnostic.summary() + ": " + diagnostic.detail(), argument);
  }
}
