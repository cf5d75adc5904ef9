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

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RotationDueFunctionTest {

  private static final String EXPIRES_AT = "2025-01-01T01:00:00.000000+00:00";

  private final RotationDueFunction function = new RotationDueFunction();

  @Test
  void it_is_declared_as_rotation_due_of_expires_at_at_and_rotate_before_returning_a_bool() {
    FunctionCalls.assertDeclared(function.declaration(), "rotation_due", List.of("expires_at", "at",
        "rotate_before"), CtyType.BOOL);
  }

  @ParameterizedTest(name = "at {0}, rotate_before {1}: due {2}")
  @CsvSource({
      "2025-01-01T00:40:00Z,          15m, false",
      "2025-01-01T00:44:59.999999Z,   15m, false",
      "2025-01-01T00:45:00Z,          15m, true",
      "2025-01-01T00:50:00Z,          15m, true",
      "2025-01-01T01:00:00Z,          15m, true",
      "2025-01-02T00:00:00Z,          15m, true",
      "2025-01-01T00:59:59Z,          0s,  false",
      "2025-01-01T01:00:00Z,          0s,  true",
      "2025-01-01T01:40:00+01:00,     15m, false",
      "2025-01-01T01:50:00+01:00,     15m, true",
      "2024-12-31T23:00:00Z,          2h,  true",
      "2024-12-31T22:59:59Z,          2h,  false"})
  void rotation_is_due_once_at_reaches_expires_at_minus_rotate_before(String at, String rotateBefore, boolean due) {
    assertEquals(Value.bool(due), returned(call(function, EXPIRES_AT, at, rotateBefore)));
  }

  @Test
  void an_expires_at_written_with_z_or_an_offset_means_the_same_instant() {
    assertEquals(Value.bool(true), returned(call(function, "2025-01-01T01:00:00Z", "2025-01-01T00:45:00Z", "15m")));
    assertEquals(Value.bool(false), returned(call(function, "2025-01-01T03:00:00+02:00", "2025-01-01T00:40:00Z",
        "15m")));
  }

  @Test
  void each_unreadable_argument_is_an_error_about_its_own_index() {
    assertTrue(failedAt(0, call(function, "soon", "2025-01-01T00:50:00Z", "15m")).contains("RFC 3339"));
    assertTrue(failedAt(1, call(function, EXPIRES_AT, "now", "15m")).contains("\"now\""));
    assertTrue(failedAt(2, call(function, EXPIRES_AT, "2025-01-01T00:50:00Z", "15 minutes"))
        .contains("is not a duration"));
  }

  @Test
  void when_several_arguments_are_wrong_the_error_is_about_the_first() {
    failedAt(1, call(function, EXPIRES_AT, "now", "never"));
  }
}
