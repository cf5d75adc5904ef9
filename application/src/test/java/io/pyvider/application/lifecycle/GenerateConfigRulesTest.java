package io.pyvider.application.lifecycle;

import static io.pyvider.application.lifecycle.Engine.onlyError;
import static io.pyvider.application.lifecycle.Engine.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * GenerateResourceConfig ({@code terraform plan -generate-config-out}): the configuration handed back must be one a
 * user can apply as is: computed-only attributes left out, required ones present, the schema's shape, and passing the
 * component's own validation. Anything else is the provider's bug, caught before the user gets broken HCL.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GenerateConfigRulesTest {

  private final Engine engine = new Engine();
  private final Value.ObjectVal state = ScriptedResource.object("n", "a", "id-1", "s");
  private final Value typedNull = Value.nullOf(ScriptedResource.TYPE);

  private Outcomes.GenerateConfig generate(Value from) {
    return engine.service.generateConfig(new Commands.GenerateConfig(Engine.TYPE, wire(from)));
  }

  private static void assertBroken(Diagnostic error, String problems) {
    assertEquals("Provider pyvider produced an invalid generated configuration", error.summary());
    assertTrue(error.detail().startsWith(Engine.TYPE + ": " + problems + ". The provider caught this"), error.detail());
  }

  @Test
  void by_default_the_state_without_its_computed_attributes_is_the_configuration() {
    Outcomes.GenerateConfig generated = generate(state);

    assertEquals(Diagnostics.NONE, generated.diagnostics());
    assertEquals(ScriptedResource.object("n", "a", null, null), generated.config());
    assertEquals(ScriptedResource.TYPE, generated.type());
  }

  @Test
  void a_generated_configuration_setting_a_computed_attribute_or_missing_a_required_one_is_caught() {
    engine.resource.generateConfig = from -> from.with("name", Value.nullOf(CtyType.STRING));

    Outcomes.GenerateConfig generated = generate(state);

    assertBroken(onlyError(generated.diagnostics()), "name is required but missing; id cannot be set in "
        + "configuration; secret cannot be set in configuration");
    assertEquals(typedNull, generated.config());
    assertFalse(engine.resource.calls.contains("validate"), "a configuration already known broken is not validated");
  }

  @Test
  void a_generated_configuration_of_the_wrong_shape_is_caught() {
    engine.resource.generateConfig = from -> ScriptedResource.object("n", null, null, null)
        .with("note", Value.number(1));

    assertBroken(onlyError(generate(state).diagnostics()), "note: \"string\" is required, got \"number\"");
  }

  @Test
  void a_generated_configuration_that_fails_the_components_validation_is_caught_naming_the_first_error() {
    engine.resource.validate = (config, provider) -> Diagnostics.of(
        Diagnostic.error(AttributePath.attribute("note"), "Note too short", "at least 2 characters"),
        Diagnostic.error("Second problem", "never shown"));

    Outcomes.GenerateConfig generated = generate(state);

    assertBroken(onlyError(generated.diagnostics()), "it fails validation: Note too short");
    assertEquals(typedNull, generated.config());
  }

  @Test
  void validation_warnings_do_not_stop_the_generated_configuration() {
    engine.resource.validate = (config, provider) -> Diagnostics.of(Diagnostic.warning("Deprecated", "use x"));

    Outcomes.GenerateConfig generated = generate(state);

    assertEquals(Diagnostics.NONE, generated.diagnostics());
    assertEquals(ScriptedResource.object("n", "a", null, null), generated.config());
  }

  @Test
  void a_null_or_partly_unknown_state_is_an_invalid_request_and_the_component_is_not_asked() {
    for (Value from : new Value[] {typedNull, state.with("id", Value.unknown(CtyType.STRING))}) {
      Outcomes.GenerateConfig generated = generate(from);

      assertEquals(Diagnostic.error("Invalid GenerateResourceConfig request",
          Engine.TYPE + ": the state is null or not wholly known."), onlyError(generated.diagnostics()));
      assertEquals(typedNull, generated.config());
    }
    assertFalse(engine.resource.calls.contains("generateConfig"));
  }

  @Test
  void a_malformed_state_is_reported_once_and_the_component_is_not_asked() {
    Outcomes.GenerateConfig generated = engine.service.generateConfig(new Commands.GenerateConfig(Engine.TYPE,
        type -> new WireValue.Malformed(AttributePath.attribute("name"), "not a string")));

    assertEquals(Diagnostic.error(AttributePath.attribute("name"), "Invalid state",
        "The provider could not decode the state Terraform sent: not a string."), onlyError(generated.diagnostics()));
    assertEquals(typedNull, generated.config());
    assertFalse(engine.resource.calls.contains("generateConfig"));
  }

  @Test
  void an_unknown_type_is_an_error_with_a_dynamic_null() {
    Outcomes.GenerateConfig generated = engine.service.generateConfig(new Commands.GenerateConfig("pyvider_nope",
        wire(state)));

    assertEquals("Unknown resource type", onlyError(generated.diagnostics()).summary());
    assertEquals(Value.nullOf(CtyType.DYNAMIC), generated.config());
  }
}
