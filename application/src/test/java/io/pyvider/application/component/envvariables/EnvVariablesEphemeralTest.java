package io.pyvider.application.component.envvariables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.lifecycle.ComponentCatalog;
import io.pyvider.application.lifecycle.EphemeralResourceService;
import io.pyvider.application.lifecycle.ProviderSession;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The ephemeral pyvider_env_variables: the data source's selection, opened instead of read, never stored. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EnvVariablesEphemeralTest {

  private static final String TYPE = "pyvider_env_variables";

  private final EnvVariablesEphemeralResource ephemeral = new EnvVariablesEphemeralResource(Environment.of(Map.of(
      "DEPLOY_TOKEN", "t0ps3cret", "APP_MODE", "prod", "PYVIDER_PRIVATE_STATE_SHARED_SECRET", "the-key")));
  private final EphemeralResourceService service = new EphemeralResourceService(
      new ComponentCatalog(List.of(), List.of(), List.of(ephemeral)), new ProviderSession(Environment.of(Map.of())),
      new PassThroughSealer());
  private final Block block = ephemeral.schema().block();

  private static Value strings(String... items) {
    return new Value.ListVal(CtyType.STRING, List.of(items).stream().map(Value::string).toList());
  }

  private static Map<String, Value> map(Value result, String attribute) {
    return ((Value.MapVal) ((Value.ObjectVal) result).get(attribute)).entries();
  }

  @Test
  void the_schema_has_the_selection_and_results_but_no_environment_dump() {
    assertFalse(block.attributes().containsKey("all_environment"));
    assertFalse(block.attributes().containsKey("include_all_environment"));
    assertTrue(block.attribute("sensitive_values").sensitive());
    assertTrue(block.attribute("keys").optional());
  }

  @Test
  void open_selects_like_the_data_source_and_keeps_the_providers_own_secret_out() {
    Value.ObjectVal config = block.emptyValue()
        .with("keys", strings("DEPLOY_TOKEN", "PYVIDER_PRIVATE_STATE_SHARED_SECRET"))
        .with("sensitive_keys", strings("DEPLOY_TOKEN"));

    Outcomes.OpenEphemeral opened = service.open(new Commands.OpenEphemeral(TYPE, MapWire.of(config)));

    assertFalse(opened.diagnostics().hasErrors(), opened.diagnostics().toString());
    assertEquals(Map.of("DEPLOY_TOKEN", Value.string("t0ps3cret")), map(opened.result(), "sensitive_values"));
    assertEquals(Map.of(), map(opened.result(), "values"));
    assertEquals(AttributePath.attribute("keys"), opened.diagnostics().asList().get(0).path(),
        "the withheld variable is named in a warning");
    assertEquals(0, opened.privateData().length, "nothing is held open, so nothing is carried to close");
  }

  @Test
  void conflicting_filters_are_refused_as_for_the_data_source() {
    Value.ObjectVal config = block.emptyValue().with("prefix", Value.string("APP_")).with("regex", Value.string("A"));
    Diagnostics diagnostics = service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(config)));
    assertTrue(diagnostics.hasErrors());
    assertEquals(AttributePath.attribute("regex"), diagnostics.asList().get(0).path());
  }
}
