package io.pyvider.application.lifecycle;

import static io.pyvider.application.lifecycle.Engine.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.DataReadResult;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.application.port.out.Environment;
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

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DataSourceServiceTest {

  private static final String TYPE = "pyvider_lookup";

  private final ScriptedDataSource dataSource = new ScriptedDataSource(TYPE);

  private DataSourceService service(Map<String, String> environment) {
    return new DataSourceService(new ComponentCatalog(List.of(), List.of(dataSource)),
        new ProviderSession(Environment.of(environment)));
  }

  private Outcomes.ReadData read(Value config) {
    return service(Map.of()).read(new Commands.ReadData(TYPE, MapWire.of(config)));
  }

  private static void assertBroken(Diagnostic error, String problem) {
    assertEquals("Provider pyvider produced an invalid data source result", error.summary());
    assertTrue(error.detail().contains(problem), error.detail());
  }

  @Test
  void a_read_returns_the_data_sources_state() {
    Outcomes.ReadData read = read(ScriptedDataSource.config("abc"));

    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertEquals(ScriptedDataSource.config("abc").with("output", Value.string("ABC")), read.state());
    assertEquals(ScriptedDataSource.TYPE, read.type());
  }

  @Test
  void an_unknown_data_source_type_is_an_error() {
    Outcomes.ReadData read = service(Map.of()).read(new Commands.ReadData("pyvider_nope",
        MapWire.of(ScriptedDataSource.config("abc"))));

    Diagnostic error = onlyError(read.diagnostics());
    assertEquals("Unknown data source type", error.summary());
    assertTrue(error.detail().contains("\"pyvider_nope\""), error.detail());
    assertTrue(read.state().isNull());
    assertEquals(CtyType.DYNAMIC, read.type());
    assertEquals("Unknown data source type", onlyError(service(Map.of()).validate(
        new Commands.ValidateConfig("pyvider_nope", MapWire.of(ScriptedDataSource.config("abc"))))).summary());
  }

  @Test
  void a_null_result_is_an_error() {
    dataSource.read = config -> new DataReadResult(Value.nullOf(ScriptedDataSource.TYPE), Diagnostics.NONE);

    Outcomes.ReadData read = read(ScriptedDataSource.config("abc"));

    assertBroken(onlyError(read.diagnostics()), "the result is null");
    assertTrue(read.state().isNull());
  }

  @Test
  void a_result_with_unknown_values_is_an_error() {
    dataSource.read = config -> new DataReadResult(config.with("output", Value.unknown(CtyType.STRING)),
        Diagnostics.NONE);

    Outcomes.ReadData read = read(ScriptedDataSource.config("abc"));

    assertBroken(onlyError(read.diagnostics()), "the result contains unknown values");
    assertTrue(read.state().isNull());
  }

  @Test
  void a_result_of_the_wrong_shape_is_an_error() {
    dataSource.read = config -> new DataReadResult(config.with("output", Value.number(1)), Diagnostics.NONE);

    assertBroken(onlyError(read(ScriptedDataSource.config("abc")).diagnostics()),
        "output: \"string\" is required, got \"number\"");
  }

  @Test
  void a_result_with_errors_is_returned_as_null_with_those_errors() {
    Diagnostic refusal = Diagnostic.error("Lookup failed", "not found");
    dataSource.read = config -> new DataReadResult(config, Diagnostics.of(refusal));

    Outcomes.ReadData read = read(ScriptedDataSource.config("abc"));

    assertEquals(Diagnostics.of(refusal), read.diagnostics());
    assertTrue(read.state().isNull());
  }

  @Test
  void warnings_travel_with_a_good_result() {
    Diagnostic note = Diagnostic.warning("Deprecated", "use something else");
    dataSource.read = config -> new DataReadResult(config.with("output", Value.string("x")), Diagnostics.of(note));

    Outcomes.ReadData read = read(ScriptedDataSource.config("abc"));

    assertEquals(Diagnostics.of(note), read.diagnostics());
    assertTrue(read.state().isWhollyKnown());
  }

  @Test
  void a_read_that_throws_is_an_internal_error() {
    dataSource.read = config -> {
      throw new IllegalStateException("boom");
    };

    Outcomes.ReadData read = read(ScriptedDataSource.config("abc"));

    Diagnostic error = onlyError(read.diagnostics());
    assertEquals("Internal error in provider pyvider", error.summary());
    assertTrue(error.detail().contains(TYPE + " failed during read with IllegalStateException"), error.detail());
    assertFalse(error.detail().contains("boom"), "an exception's message reached Terraform");
    assertTrue(read.state().isNull());
  }

  @Test
  void a_validation_that_throws_during_read_is_an_internal_error_not_an_exception() {
    dataSource.validate = (config, provider) -> {
      throw new IllegalStateException("boom");
    };

    Outcomes.ReadData read = read(ScriptedDataSource.config("abc"));

    assertEquals("Internal error in provider pyvider", onlyError(read.diagnostics()).summary());
    assertTrue(read.state().isNull());
  }

  @Test
  void a_validation_that_throws_during_validate_is_an_internal_error() {
    dataSource.validate = (config, provider) -> {
      throw new IllegalStateException("boom");
    };

    Diagnostics diagnostics = service(Map.of()).validate(new Commands.ValidateConfig(TYPE,
        MapWire.of(ScriptedDataSource.config("abc"))));

    assertEquals("Internal error in provider pyvider", onlyError(diagnostics).summary());
  }

  @Test
  void validation_errors_stop_the_read() {
    Diagnostic invalid = Diagnostic.error(AttributePath.attribute("input"), "Invalid input", "too short");
    dataSource.validate = (config, provider) -> Diagnostics.of(invalid);
    dataSource.read = config -> {
      throw new AssertionError("read must not be called");
    };

    Outcomes.ReadData read = read(ScriptedDataSource.config("a"));

    assertEquals(Diagnostics.of(invalid), read.diagnostics());
    assertTrue(read.state().isNull());
  }

  @Test
  void a_missing_required_argument_is_an_error_on_its_path() {
    Outcomes.ReadData read = read(ScriptedDataSource.config(null));

    Diagnostic error = onlyError(read.diagnostics());
    assertEquals("Missing required argument", error.summary());
    assertEquals(AttributePath.attribute("input"), error.path());
  }

  @Test
  void validation_refuses_a_missing_required_argument_before_the_data_source_validates() {
    dataSource.validate = (config, provider) -> {
      throw new AssertionError("validate must not be called");
    };

    Diagnostics diagnostics = service(Map.of()).validate(new Commands.ValidateConfig(TYPE,
        MapWire.of(ScriptedDataSource.config(null))));

    assertEquals(Diagnostic.error(AttributePath.attribute("input"), "Missing required argument",
        "The argument \"input\" is required, but no value was given (it is null)."), onlyError(diagnostics));
  }

  @Test
  void a_malformed_configuration_is_an_error_at_its_path() {
    WireValue malformed = type -> new WireValue.Malformed(AttributePath.attribute("input"), "msg");

    Outcomes.ReadData read = service(Map.of()).read(new Commands.ReadData(TYPE, malformed));

    Diagnostic error = onlyError(read.diagnostics());
    assertEquals("Invalid configuration", error.summary());
    assertEquals(AttributePath.attribute("input"), error.path());
  }

  @Test
  void a_test_only_data_source_is_refused_outside_test_mode() {
    dataSource.testOnly = true;

    Outcomes.ReadData read = read(ScriptedDataSource.config("abc"));

    Diagnostic error = onlyError(read.diagnostics());
    assertEquals(TYPE + " is a test-only component", error.summary());
    assertTrue(read.state().isNull());
    assertTrue(service(Map.of()).validate(new Commands.ValidateConfig(TYPE,
        MapWire.of(ScriptedDataSource.config("abc")))).hasErrors());
  }

  @Test
  void a_test_only_data_source_is_served_in_test_mode() {
    dataSource.testOnly = true;

    Outcomes.ReadData read = service(Map.of("PYVIDER_TESTMODE", "true")).read(new Commands.ReadData(TYPE,
        MapWire.of(ScriptedDataSource.config("abc"))));

    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertEquals(Value.string("ABC"), ((Value.ObjectVal) read.state()).get("output"));
  }
}
