package io.pyvider.application.component.envvariables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.lifecycle.ComponentCatalog;
import io.pyvider.application.lifecycle.DataSourceService;
import io.pyvider.application.lifecycle.ProviderSession;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** pyvider_env_variables through the data-source engine, on a fixed environment. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EnvVariablesDataSourceTest {

  private static final String TYPE = "pyvider_env_variables";

  private static final Map<String, String> ENVIRONMENT = Map.ofEntries(
      Map.entry("HARNESS_VAR", "hello"),
      Map.entry("APP_NAME", "shop"),
      Map.entry("APP_MODE", "Prod"),
      Map.entry("APP_EMPTY", ""),
      Map.entry("app_lower", "x"),
      Map.entry("API_TOKEN", "s3cr3t"),
      Map.entry("MYAPP_URL", "https://example.com"),
      Map.entry("PYVIDER_PRIVATE_STATE_SHARED_SECRET", "the-key"),
      Map.entry("PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS", "old-key"),
      Map.entry("TF_PLUGIN_MAGIC_COOKIE", "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"),
      Map.entry("PLUGIN_CLIENT_CERT", "-----BEGIN CERTIFICATE-----"),
      Map.entry("PLUGIN_PROTOCOL_VERSIONS", "6"),
      Map.entry("TF_REATTACH_PROVIDERS", "{}"),
      Map.entry("plugin_min_port", "10000"));

  private final EnvVariablesDataSource dataSource = new EnvVariablesDataSource(Environment.of(ENVIRONMENT));
  private final Block block = dataSource.schema().block();
  private final DataSourceService service = new DataSourceService(
      new ComponentCatalog(List.of(), List.of(dataSource)), new ProviderSession(Environment.of(Map.of())));

  private Value.ObjectVal config() {
    return block.emptyValue();
  }

  private static Value strings(String... items) {
    return new Value.ListVal(CtyType.STRING, List.of(items).stream().map(Value::string).toList());
  }

  private Outcomes.ReadData read(Value.ObjectVal config) {
    return service.read(new Commands.ReadData(TYPE, MapWire.of(config)));
  }

  private Value.ObjectVal state(Value.ObjectVal config) {
    Outcomes.ReadData read = read(config);
    assertFalse(read.diagnostics().hasErrors(), read.diagnostics().toString());
    return (Value.ObjectVal) read.state();
  }

  private static Map<String, String> map(Value.ObjectVal state, String attribute) {
    Map<String, String> entries = new TreeMap<>();
    ((Value.MapVal) state.get(attribute)).entries().forEach((k, v) -> entries.put(k, ((Value.Str) v).value()));
    return entries;
  }

  private static Diagnostic onlyError(Diagnostics diagnostics) {
    assertEquals(1, diagnostics.asList().size(), diagnostics.toString());
    assertTrue(diagnostics.asList().get(0).isError());
    return diagnostics.asList().get(0);
  }

  // --- schema -------------------------------------------------------------------------------------------------

  @Test
  void the_schema_marks_every_output_that_can_hold_secrets_sensitive() {
    assertFalse(block.attribute("values").sensitive());
    assertTrue(block.attribute("sensitive_values").sensitive());
    assertTrue(block.attribute("all_values").sensitive());
    assertTrue(block.attribute("all_environment").sensitive());
    assertEquals(CtyType.listOf(CtyType.STRING), block.attribute("keys").type());
    assertEquals(CtyType.mapOf(CtyType.STRING), block.attribute("values").type());
    assertTrue(block.attribute("exclude_empty").optional() && block.attribute("exclude_empty").computed());
    for (Attribute attribute : block.attributes().values()) {
      assertFalse(attribute.description().isBlank(), attribute.name());
    }
  }

  // --- selection ----------------------------------------------------------------------------------------------

  @Test
  void keys_HARNESS_VAR_returns_hello() {
    Value.ObjectVal state = state(config().with("keys", strings("HARNESS_VAR")));

    assertEquals(Map.of("HARNESS_VAR", "hello"), map(state, "values"));
  }

  @Test
  void inputs_are_echoed_as_configured_and_defaults_as_their_effective_values() {
    Value keys = strings("HARNESS_VAR", "NOT_SET");

    Value.ObjectVal state = state(config().with("keys", keys));

    assertEquals(keys, state.get("keys"));
    assertEquals(Value.bool(true), state.get("exclude_empty"));
    assertEquals(Value.bool(true), state.get("case_sensitive"));
    assertEquals(Value.nullOf(CtyType.STRING), state.get("prefix"));
    assertEquals(Value.nullOf(CtyType.listOf(CtyType.STRING)), state.get("sensitive_keys"));
    assertEquals(Map.of("HARNESS_VAR", "hello"), map(state, "values"));
    assertEquals(Map.of(), map(state, "sensitive_values"));
  }

  @Test
  void a_prefix_selects_by_name_case_sensitively_by_default() {
    Value.ObjectVal state = state(config().with("prefix", Value.string("APP_")));

    assertEquals(Map.of("APP_NAME", "shop", "APP_MODE", "Prod"), map(state, "values"));
  }

  @Test
  void a_case_insensitive_prefix_also_selects_lower_case_names() {
    Value.ObjectVal state = state(config().with("prefix", Value.string("app_"))
        .with("case_sensitive", Value.bool(false)));

    assertEquals(Map.of("APP_NAME", "shop", "APP_MODE", "Prod", "app_lower", "x"), map(state, "values"));
    assertEquals(Value.bool(false), state.get("case_sensitive"));
  }

  @Test
  void a_regex_must_match_the_whole_name() {
    assertEquals(Map.of(), map(state(config().with("regex", Value.string("APP"))), "values"));
    assertEquals(Map.of("APP_NAME", "shop", "APP_MODE", "Prod"),
        map(state(config().with("regex", Value.string("APP_.*"))), "values"));
    assertEquals(Map.of("MYAPP_URL", "https://example.com"),
        map(state(config().with("regex", Value.string(".*_URL"))), "values"));
  }

  @Test
  void a_case_insensitive_regex_ignores_case() {
    Value.ObjectVal state = state(config().with("regex", Value.string("app_l.*"))
        .with("case_sensitive", Value.bool(false)));

    assertEquals(Map.of("app_lower", "x"), map(state, "values"));
  }

  @Test
  void keys_honour_case_sensitive_false() {
    assertEquals(Map.of(), map(state(config().with("keys", strings("harness_var"))), "values"));
    assertEquals(Map.of("HARNESS_VAR", "hello"), map(state(config().with("keys", strings("harness_var"))
        .with("case_sensitive", Value.bool(false))), "values"));
  }

  @Test
  void without_a_filter_every_visible_variable_is_selected() {
    Value.ObjectVal state = state(config());

    assertEquals(Map.of("HARNESS_VAR", "hello", "APP_NAME", "shop", "APP_MODE", "Prod", "app_lower", "x",
        "API_TOKEN", "s3cr3t", "MYAPP_URL", "https://example.com"), map(state, "values"));
  }

  @Test
  void empty_values_are_left_out_unless_exclude_empty_is_false() {
    assertFalse(map(state(config().with("prefix", Value.string("APP_"))), "values").containsKey("APP_EMPTY"));
    Value.ObjectVal kept = state(config().with("prefix", Value.string("APP_"))
        .with("exclude_empty", Value.bool(false)));

    assertEquals("", map(kept, "values").get("APP_EMPTY"));
    assertEquals(Value.bool(false), kept.get("exclude_empty"));
  }

  // --- transforms and sensitivity -----------------------------------------------------------------------------

  @Test
  void names_and_values_can_be_transformed() {
    Value.ObjectVal state = state(config().with("prefix", Value.string("APP_"))
        .with("transform_keys", Value.string("lower")).with("transform_values", Value.string("upper")));

    assertEquals(Map.of("app_name", "SHOP", "app_mode", "PROD"), map(state, "values"));
  }

  @Test
  void transforms_without_collisions_do_not_warn() {
    Outcomes.ReadData read = read(config().with("regex", Value.string("(?i)app_(name|lower)"))
        .with("transform_keys", Value.string("upper")));

    assertEquals(Map.of("APP_NAME", "shop", "APP_LOWER", "x"), map((Value.ObjectVal) read.state(), "values"));
    assertEquals(Diagnostics.NONE, read.diagnostics());
  }

  @Test
  void colliding_transformed_names_keep_the_first_in_sorted_order_and_warn() {
    EnvVariablesDataSource clashing = new EnvVariablesDataSource(Environment.of(Map.of("Path", "a", "PATH", "b")));
    DataSourceService engine = new DataSourceService(new ComponentCatalog(List.of(), List.of(clashing)),
        new ProviderSession(Environment.of(Map.of())));

    Outcomes.ReadData read = engine.read(new Commands.ReadData(TYPE, MapWire.of(config()
        .with("transform_keys", Value.string("lower")))));

    assertEquals(Map.of("path", "b"), map((Value.ObjectVal) read.state(), "values"));
    Diagnostic warning = read.diagnostics().asList().get(0);
    assertFalse(warning.isError());
    assertEquals("Variable names collide", warning.summary());
    assertTrue(warning.detail().contains("\"PATH\" and \"Path\" both become \"path\""), warning.detail());
    assertEquals(AttributePath.attribute("transform_keys"), warning.path());
  }

  @Test
  void sensitive_keys_move_values_into_sensitive_values_and_all_values_holds_both() {
    Value.ObjectVal state = state(config().with("keys", strings("HARNESS_VAR", "API_TOKEN"))
        .with("sensitive_keys", strings("API_TOKEN")));

    assertEquals(Map.of("HARNESS_VAR", "hello"), map(state, "values"));
    assertEquals(Map.of("API_TOKEN", "s3cr3t"), map(state, "sensitive_values"));
    assertEquals(Map.of("HARNESS_VAR", "hello", "API_TOKEN", "s3cr3t"), map(state, "all_values"));
  }

  @Test
  void sensitive_keys_match_the_transformed_or_the_original_name_ignoring_case() {
    Value.ObjectVal byTransformed = state(config().with("keys", strings("API_TOKEN"))
        .with("transform_keys", Value.string("lower")).with("sensitive_keys", strings("api_token")));
    Value.ObjectVal byOriginal = state(config().with("keys", strings("API_TOKEN"))
        .with("transform_keys", Value.string("lower")).with("sensitive_keys", strings("API_TOKEN")));

    assertEquals(Map.of("api_token", "s3cr3t"), map(byTransformed, "sensitive_values"));
    assertEquals(Map.of("api_token", "s3cr3t"), map(byOriginal, "sensitive_values"));
    assertEquals(Map.of(), map(byOriginal, "values"));
  }

  @Test
  void all_environment_stays_null_unless_asked_for_so_the_state_holds_no_environment_dump() {
    Value.ObjectVal state = state(config().with("keys", strings("HARNESS_VAR")));

    assertTrue(state.get("all_environment").isNull(), "all_environment was filled without being asked for");
    assertTrue(block.attribute("all_environment").computed(),
        "the attribute stays in the schema: Terraform decodes states that hold it with the current schema");
    assertEquals(Value.bool(false), state.get("include_all_environment"));
    assertEquals(Map.of("HARNESS_VAR", "hello"), map(state, "all_values"), "only the selection reaches the state");
  }

  @Test
  void all_environment_is_everything_visible_untransformed_with_empty_values() {
    Value.ObjectVal state = state(config().with("keys", strings("HARNESS_VAR"))
        .with("transform_values", Value.string("upper")).with("include_all_environment", Value.bool(true)));

    Map<String, String> all = map(state, "all_environment");
    assertEquals("", all.get("APP_EMPTY"));
    assertEquals("Prod", all.get("APP_MODE"));
    assertEquals(7, all.size());
  }

  // --- the provider's own variables ---------------------------------------------------------------------------

  @Test
  void the_providers_secrets_and_plugin_plumbing_appear_in_no_output() {
    Value.ObjectVal config = config().with("include_all_environment", Value.bool(true));
    List<Value.ObjectVal> states = List.of(
        state(config),
        state(config.with("regex", Value.string(".*")).with("exclude_empty", Value.bool(false))),
        state(config.with("prefix", Value.string("PLUGIN"))),
        state(config.with("prefix", Value.string("py")).with("case_sensitive", Value.bool(false))),
        state(config.with("keys", strings("PYVIDER_PRIVATE_STATE_SHARED_SECRET", "TF_PLUGIN_MAGIC_COOKIE",
            "PLUGIN_CLIENT_CERT", "TF_REATTACH_PROVIDERS")).with("sensitive_keys",
            strings("PYVIDER_PRIVATE_STATE_SHARED_SECRET"))));
    for (Value.ObjectVal state : states) {
      for (String output : List.of("values", "sensitive_values", "all_values", "all_environment")) {
        for (String name : map(state, output).keySet()) {
          assertFalse(EnvVariablesDataSource.isHidden(name), output + " exposes " + name);
        }
        assertFalse(map(state, output).containsValue("the-key"), output);
        assertFalse(map(state, output).containsValue("old-key"), output);
      }
    }
  }

  @Test
  void asking_for_a_hidden_variable_by_name_warns_that_it_is_withheld() {
    Outcomes.ReadData read = read(config().with("keys", strings("HARNESS_VAR",
        "PYVIDER_PRIVATE_STATE_SHARED_SECRET")));

    assertEquals(Map.of("HARNESS_VAR", "hello"), map((Value.ObjectVal) read.state(), "values"));
    Diagnostic warning = read.diagnostics().asList().get(0);
    assertFalse(warning.isError());
    assertEquals(AttributePath.attribute("keys"), warning.path());
    assertEquals("PYVIDER_PRIVATE_STATE_SHARED_SECRET is the provider's own secret or plugin plumbing and never "
        + "returned by pyvider_env_variables.", warning.detail());
  }

  @Test
  void several_withheld_variables_are_named_together() {
    Outcomes.ReadData read = read(config().with("keys", strings("TF_PLUGIN_MAGIC_COOKIE",
        "PYVIDER_PRIVATE_STATE_SHARED_SECRET")));

    assertEquals("TF_PLUGIN_MAGIC_COOKIE, PYVIDER_PRIVATE_STATE_SHARED_SECRET are the provider's own secret or "
        + "plugin plumbing and never returned by pyvider_env_variables.", read.diagnostics().asList().get(0).detail());
  }

  @Test
  void the_hidden_list_is_exactly_the_documented_one() {
    assertTrue(EnvVariablesDataSource.isHidden("PYVIDER_PRIVATE_STATE_KEY_FILE"));
    assertTrue(EnvVariablesDataSource.isHidden("pyvider_private_state_shared_secret"));
    assertTrue(EnvVariablesDataSource.isHidden("PLUGIN_MIN_PORT"));
    assertTrue(EnvVariablesDataSource.isHidden("TF_PLUGIN_MAGIC_COOKIE"));
    assertTrue(EnvVariablesDataSource.isHidden("TF_REATTACH_PROVIDERS"));
    assertFalse(EnvVariablesDataSource.isHidden("PYVIDER_TESTMODE"));
    assertFalse(EnvVariablesDataSource.isHidden("TF_LOG"));
    assertFalse(EnvVariablesDataSource.isHidden("MY_PLUGIN_DIR"));
  }

  // --- validation ---------------------------------------------------------------------------------------------

  @Test
  void more_than_one_filter_is_an_error() {
    Diagnostic error = onlyError(service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(config()
        .with("keys", strings("A")).with("prefix", Value.string("B"))))));

    assertEquals("Conflicting filters", error.summary());
    assertEquals(AttributePath.attribute("prefix"), error.path());
  }

  @Test
  void an_unknown_filter_is_not_counted_yet() {
    Diagnostics diagnostics = service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(config()
        .with("keys", strings("A")).with("prefix", Value.unknown(CtyType.STRING)))));

    assertEquals(Diagnostics.NONE, diagnostics);
  }

  @Test
  void an_invalid_regex_is_a_validation_error_on_regex() {
    Diagnostic error = onlyError(service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(config()
        .with("regex", Value.string("APP_(unclosed"))))));

    assertEquals(AttributePath.attribute("regex"), error.path());
    assertEquals("Invalid regex", error.summary());
  }

  @Test
  void an_invalid_regex_says_what_is_wrong_and_where_even_at_its_first_character() {
    for (Map.Entry<String, String> invalid : Map.of(
        "*a", "Dangling meta character '*' near index 0",
        "[a", "Unclosed character class near index 1").entrySet()) {
      Diagnostic error = onlyError(service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(config()
          .with("regex", Value.string(invalid.getKey()))))));

      assertEquals("regex is not a valid Java regular expression: " + invalid.getValue() + ".", error.detail());
    }
  }

  @Test
  void an_invalid_regex_also_stops_a_read() {
    Outcomes.ReadData read = read(config().with("regex", Value.string("[")));

    assertEquals(AttributePath.attribute("regex"), onlyError(read.diagnostics()).path());
    assertTrue(read.state().isNull());
  }

  @Test
  void transforms_other_than_upper_and_lower_are_errors_on_their_attribute() {
    Diagnostic keys = onlyError(service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(config()
        .with("transform_keys", Value.string("title"))))));
    Diagnostic values = onlyError(service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(config()
        .with("transform_values", Value.string("UPPER"))))));

    assertEquals(AttributePath.attribute("transform_keys"), keys.path());
    assertEquals(AttributePath.attribute("transform_values"), values.path());
  }
}
