package io.pyvider.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.FunctionResult;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FunctionServiceTest {

  private final ScriptedFunction function = new ScriptedFunction();
  private final FunctionService service = new FunctionService(
      new ComponentCatalog(List.of(), List.of()).withFunctions(List.of(function)));

  private Outcomes.CallFunction call(String name, WireValue... arguments) {
    return service.call(new Commands.CallFunction(name, List.of(arguments)));
  }

  private Outcomes.CallFunction call(Value... arguments) {
    return call(ScriptedFunction.NAME, Arrays.stream(arguments).map(MapWire::of).toArray(WireValue[]::new));
  }

  private static Outcomes.FunctionError error(Outcomes.CallFunction outcome) {
    assertTrue(outcome.error().isPresent(), () -> "expected a function error, got " + outcome.result());
    assertTrue(outcome.result().isNull(), "a failed call has no result");
    return outcome.error().get();
  }

  /** The error's text, after checking it names the argument at {@code index}. */
  private static String errorAt(int index, Outcomes.CallFunction outcome) {
    Outcomes.FunctionError error = error(outcome);
    assertEquals(OptionalInt.of(index), error.argument(), error.text());
    return error.text();
  }

  /** The text of an error about the provider itself, which names no argument and asks for a bug report. */
  private static String bug(Outcomes.CallFunction outcome) {
    Outcomes.FunctionError error = error(outcome);
    assertEquals(OptionalInt.empty(), error.argument(), error.text());
    assertTrue(error.text().contains("This is a bug in terraform-provider-pyvider"), error.text());
    return error.text();
  }

  @Test
  void a_call_returns_the_functions_value_with_the_declared_return_type() {
    Outcomes.CallFunction outcome = call(Value.string("ab"), Value.number(3), Value.string("!"));

    assertEquals(Value.string("ababab!"), outcome.result());
    assertEquals(CtyType.STRING, outcome.type());
    assertTrue(outcome.error().isEmpty());
  }

  @Test
  void each_argument_is_decoded_with_its_parameters_type() {
    List<CtyType> asked = new ArrayList<>();
    WireValue recording = type -> {
      asked.add(type);
      return new WireValue.Decoded(type == CtyType.NUMBER ? Value.number(1) : Value.string("x"));
    };

    assertEquals(Value.string("xx"), call(ScriptedFunction.NAME, recording, recording, recording).result());
    assertEquals(List.of(CtyType.STRING, CtyType.NUMBER, CtyType.STRING), asked);
  }

  @Test
  void an_unknown_function_is_an_error_that_names_it_and_no_argument() {
    Outcomes.FunctionError error = error(call("nope", MapWire.of(Value.string("x"))));

    assertEquals(OptionalInt.empty(), error.argument());
    assertTrue(error.text().startsWith("Unknown function") && error.text().contains("\"nope\""), error.text());
  }

  @Test
  void too_many_arguments_is_an_error_about_the_first_extra_one() {
    String text = errorAt(3, call(Value.string("a"), Value.number(1), Value.string("b"), Value.string("c")));

    assertTrue(text.contains("repeat takes 3 arguments (text, times, suffix), but was called with 4"), text);
    assertTrue(function.calls.isEmpty());
  }

  @Test
  void too_few_arguments_is_an_error_that_names_no_argument() {
    Outcomes.FunctionError error = error(call(Value.string("a"), Value.number(1)));

    assertEquals(OptionalInt.empty(), error.argument());
    assertTrue(error.text().contains("called with 2"), error.text());
    assertTrue(function.calls.isEmpty());
  }

  @Test
  void a_null_argument_is_an_error_about_it_unless_its_parameter_allows_null() {
    String text = errorAt(1, call(Value.string("a"), Value.nullOf(CtyType.NUMBER), Value.string("b")));
    assertTrue(text.contains("times argument must not be null"), text);
    assertTrue(function.calls.isEmpty());

    assertEquals(Value.string("a"), call(Value.string("a"), Value.number(1), Value.nullOf(CtyType.STRING)).result());
  }

  @Test
  void an_absent_argument_counts_as_null() {
    errorAt(0, call(ScriptedFunction.NAME, WireValue.NULL, MapWire.of(Value.number(1)),
        MapWire.of(Value.string("b"))));
  }

  @Test
  void an_unknown_argument_is_an_error_about_it() {
    String text = errorAt(2, call(Value.string("a"), Value.number(1), Value.unknown(CtyType.STRING)));

    assertTrue(text.contains("suffix argument must be known"), text);
    assertTrue(function.calls.isEmpty());
  }

  @Test
  void a_malformed_argument_is_an_error_about_it_that_says_why() {
    WireValue malformed = type -> new WireValue.Malformed(AttributePath.ROOT, "msgpack ended early");

    String text = errorAt(1, call(ScriptedFunction.NAME, MapWire.of(Value.string("a")), malformed,
        MapWire.of(Value.string("b"))));

    assertTrue(text.contains("could not decode the times argument") && text.contains("msgpack ended early"), text);
    assertTrue(function.calls.isEmpty());
  }

  @Test
  void an_argument_of_the_wrong_type_is_an_error_about_it_not_a_crash_of_the_function() {
    String text = errorAt(0, call(Value.bool(true), Value.number(1), Value.string("b")));

    assertTrue(text.contains("text argument has the wrong type"), text);
    assertTrue(function.calls.isEmpty());
  }

  @Test
  void the_first_bad_argument_is_the_one_named() {
    errorAt(0, call(Value.nullOf(CtyType.STRING), Value.unknown(CtyType.NUMBER), Value.string("b")));
  }

  @Test
  void a_functions_own_error_reaches_terraform_with_its_argument() {
    function.body = arguments -> FunctionResult.badArgument(1, "times must be positive");

    assertEquals("times must be positive", errorAt(1, call(Value.string("a"), Value.number(-1), Value.string(""))));
  }

  @Test
  void a_functions_error_without_an_argument_names_none() {
    function.body = arguments -> new FunctionResult.Failed("too much text", OptionalInt.empty());

    Outcomes.FunctionError error = error(call(Value.string("a"), Value.number(1), Value.string("")));
    assertEquals(new Outcomes.FunctionError("too much text", OptionalInt.empty()), error);
  }

  @Test
  void an_error_naming_an_argument_the_call_does_not_have_is_a_provider_bug() {
    function.body = arguments -> FunctionResult.badArgument(3, "no such argument");

    String text = bug(call(Value.string("a"), Value.number(1), Value.string("")));
    assertTrue(text.contains("names argument 3 of 3") && text.contains("no such argument"), text);
  }

  @Test
  void a_function_that_throws_is_a_provider_bug_not_an_exception() {
    function.body = arguments -> {
      throw new IllegalStateException("boom");
    };

    String text = bug(call(Value.string("a"), Value.number(1), Value.string("")));
    assertTrue(text.startsWith("Internal error in provider pyvider"), text);
    assertTrue(text.contains("repeat failed during the call with IllegalStateException"), text);
    assertFalse(text.contains("boom"), "an exception's message reached Terraform: " + text);
  }

  @Test
  void a_function_that_throws_is_reported_to_the_provider_log_with_its_message() {
    List<String> logged = new ArrayList<>();
    FunctionService logging = new FunctionService(new ComponentCatalog(List.of(), List.of())
        .withFunctions(List.of(function)), (where, crash) -> logged.add(where + ": " + crash.getMessage()));
    function.body = arguments -> {
      throw new IllegalStateException("boom");
    };

    logging.call(new Commands.CallFunction(ScriptedFunction.NAME, List.of(MapWire.of(Value.string("a")),
        MapWire.of(Value.number(1)), MapWire.of(Value.string("")))));

    assertEquals(List.of("function repeat: boom"), logged);
  }

  @Test
  void a_malformed_element_of_an_argument_is_named_by_its_path() {
    WireValue malformed = type -> new WireValue.Malformed(AttributePath.ROOT.index(2), "not a number");

    assertEquals("The provider could not decode the times argument Terraform sent at [2]: not a number.",
        errorAt(1, call(ScriptedFunction.NAME, MapWire.of(Value.string("a")), malformed,
            MapWire.of(Value.string("b")))));
  }

  @Test
  void a_decoder_failure_is_the_providers_bug_naming_no_argument() {
    WireValue broken = type -> new WireValue.DecoderFailed("IllegalStateException");

    String text = bug(call(ScriptedFunction.NAME, MapWire.of(Value.string("a")), broken, MapWire.of(Value.string("b"))));
    assertTrue(text.contains("failed to decode the argument times Terraform sent (IllegalStateException)"), text);
    assertTrue(function.calls.isEmpty());
  }

  @Test
  void a_functions_error_may_name_its_first_argument() {
    function.body = arguments -> FunctionResult.badArgument(0, "text must not be empty");

    assertEquals("text must not be empty", errorAt(0, call(Value.string(""), Value.number(1), Value.string(""))));
  }

  @Test
  void a_function_that_returns_nothing_is_a_provider_bug() {
    function.body = arguments -> null;

    assertTrue(bug(call(Value.string("a"), Value.number(1), Value.string(""))).contains("returned no result"));
  }

  @Test
  void a_result_of_the_wrong_type_is_a_provider_bug() {
    function.body = arguments -> FunctionResult.of(Value.number(7));

    String text = bug(call(Value.string("a"), Value.number(1), Value.string("")));
    assertTrue(text.startsWith("Provider pyvider produced an invalid function result"), text);
    assertTrue(text.contains("\"string\" is required, got \"number\""), text);
  }

  @Test
  void a_null_result_is_a_provider_bug() {
    function.body = arguments -> FunctionResult.of(Value.nullOf(CtyType.STRING));

    assertTrue(bug(call(Value.string("a"), Value.number(1), Value.string(""))).contains("the result is null"));
  }

  @Test
  void an_unknown_result_is_a_provider_bug() {
    function.body = arguments -> FunctionResult.of(Value.unknown(CtyType.STRING));

    assertTrue(bug(call(Value.string("a"), Value.number(1), Value.string("")))
        .contains("the result contains unknown values"));
  }
}
