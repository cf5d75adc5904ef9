package io.pyvider.application.component.functions;

import static io.pyvider.application.component.functions.FunctionCalls.call;
import static io.pyvider.application.component.functions.FunctionCalls.failedAt;
import static io.pyvider.application.component.functions.FunctionCalls.returned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ParseDurationFunctionTest {

  private final ParseDurationFunction function = new ParseDurationFunction();

  @Test
  void it_is_declared_as_parse_duration_of_a_string_returning_a_number() {
    FunctionCalls.assertDeclared(function.declaration(), "parse_duration", List.of("duration"), CtyType.NUMBER);
  }

  @ParameterizedTest
  @CsvSource({"1h30m, 5400", "45s, 45", "90m, 5400", "7d, 604800", "1d2h3m4s, 93784", "0s, 0", "36500d, 3153600000"})
  void a_duration_is_its_number_of_seconds(String duration, long seconds) {
    assertEquals(Value.number(seconds), returned(call(function, duration)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "", "1.5h", "-1h", "1H", "1h 30m", "h", "30"})
  void an_unreadable_duration_is_an_error_about_argument_0_that_shows_the_syntax(String duration) {
    String text = failedAt(0, call(function, duration));

    assertTrue(text.contains("\"" + duration + "\"") && text.contains("1h30m"), text);
  }

  @Test
  void a_duration_longer_than_100_years_is_an_error_about_argument_0() {
    assertTrue(failedAt(0, call(function, "36501d")).contains("100 years"));
    assertTrue(failedAt(0, call(function, "99999999999999999999s")).contains("too long"));
  }
}
