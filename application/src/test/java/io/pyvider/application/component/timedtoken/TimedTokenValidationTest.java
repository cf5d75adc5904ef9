package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Commands;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ValidateResourceConfig for pyvider_timed_token: each problem is an error on the attribute at fault. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenValidationTest {

  private final TokenTerraform terraform = new TokenTerraform();
  private final Value.ObjectVal config = terraform.config("ci");

  private Diagnostics validate(Value config) {
    return terraform.service.validate(new Commands.ValidateConfig(TokenTerraform.TYPE, MapWire.of(config)));
  }

  private static Diagnostic onlyError(Diagnostics diagnostics) {
    assertEquals(1, diagnostics.asList().size(), diagnostics.toString());
    Diagnostic error = diagnostics.asList().get(0);
    assertTrue(error.isError(), error.toString());
    return error;
  }

  @Test
  void a_complete_valid_configuration_has_no_diagnostics() {
    Value.ObjectVal full = TokenTerraform.withKeepers(
        TokenTerraform.with(TokenTerraform.with(config, "lifetime", "7d"), "rotate_before", "1d"),
        Map.of("k", "v"));

    assertEquals(Diagnostics.NONE, validate(full));
    assertEquals(Diagnostics.NONE, validate(config));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void an_empty_name_is_an_error_on_name(String name) {
    Diagnostic error = onlyError(validate(terraform.config(name)));

    assertEquals(AttributePath.attribute("name"), error.path());
  }

  @Test
  void a_null_name_is_a_missing_required_argument_on_name() {
    Diagnostic error = onlyError(validate(config.with("name", Value.nullOf(CtyType.STRING))));

    assertEquals("Missing required argument", error.summary());
    assertEquals(AttributePath.attribute("name"), error.path());
  }

  @Test
  void an_unknown_name_is_accepted() {
    assertEquals(Diagnostics.NONE, validate(config.with("name", Value.unknown(CtyType.STRING))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1x", "1", "-1h", "1.5h", ""})
  void a_lifetime_that_is_no_duration_is_an_error_on_lifetime(String lifetime) {
    Diagnostic error = onlyError(validate(TokenTerraform.with(config, "lifetime", lifetime)));

    assertEquals(AttributePath.attribute("lifetime"), error.path());
    assertTrue(error.detail().contains(lifetime.isEmpty() ? "\"\"" : lifetime), error.detail());
  }

  @Test
  void a_zero_lifetime_is_an_error_on_lifetime() {
    Diagnostic error = onlyError(validate(TokenTerraform.with(config, "lifetime", "0s")));

    assertEquals(AttributePath.attribute("lifetime"), error.path());
  }

  @Test
  void a_rotate_before_that_is_no_duration_is_an_error_on_rotate_before() {
    Diagnostic error = onlyError(validate(TokenTerraform.with(config, "rotate_before", "soon")));

    assertEquals(AttributePath.attribute("rotate_before"), error.path());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1h", "60m", "2h", "1d"})
  void a_rotate_before_not_shorter_than_the_default_lifetime_is_an_error_on_rotate_before(String window) {
    Diagnostic error = onlyError(validate(TokenTerraform.with(config, "rotate_before", window)));

    assertEquals(AttributePath.attribute("rotate_before"), error.path());
    assertTrue(error.detail().contains("(1h)"), error.detail());
  }

  @Test
  void a_rotate_before_not_shorter_than_the_configured_lifetime_is_an_error_on_rotate_before() {
    Diagnostic error = onlyError(validate(
        TokenTerraform.with(TokenTerraform.with(config, "lifetime", "30m"), "rotate_before", "30m")));

    assertEquals(AttributePath.attribute("rotate_before"), error.path());
    assertTrue(error.detail().contains("(30m)"), error.detail());
  }

  @Test
  void a_rotate_before_shorter_than_the_lifetime_is_accepted() {
    assertEquals(Diagnostics.NONE,
        validate(TokenTerraform.with(TokenTerraform.with(config, "lifetime", "30m"), "rotate_before", "29m59s")));
  }

  @Test
  void a_rotate_before_is_not_compared_with_a_lifetime_not_yet_known() {
    Value.ObjectVal later = TokenTerraform.with(config.with("lifetime", Value.unknown(CtyType.STRING)),
        "rotate_before", "2h");

    assertEquals(Diagnostics.NONE, validate(later));
  }

  @Test
  void several_problems_are_all_reported() {
    Value.ObjectVal bad = TokenTerraform.with(TokenTerraform.with(terraform.config(""), "lifetime", "1x"),
        "rotate_before", "1w");

    List<AttributePath> paths = validate(bad).asList().stream().map(Diagnostic::path).toList();

    assertEquals(List.of(AttributePath.attribute("name"), AttributePath.attribute("lifetime"),
        AttributePath.attribute("rotate_before")), paths);
  }
}
