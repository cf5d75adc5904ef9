package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandTest {

  @TempDir
  Path temporary;

  private CliHarness.Result run(String... args) {
    return new CliHarness(temporary).run(args);
  }

  @Test
  void json_has_the_shape_terraform_providers_schema_json_prints() throws IOException {
    CliHarness.Result result = run("schema", "--json");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertEquals(1, result.out().split("\n").length, "one line, as Terraform prints it");
    JsonNode root = new ObjectMapper().readTree(result.out());
    assertEquals(List.of("format_version", "provider_schemas"), names(root));
    assertEquals("1.0", root.get("format_version").asText());
    JsonNode provider = root.get("provider_schemas").get("registry.terraform.io/provide-io/pyvider");
    assertEquals(List.of("provider", "resource_schemas", "data_source_schemas", "ephemeral_resource_schemas"),
        names(provider), "Terraform 1.10's order: ephemeral resources after data sources");
    assertEquals(List.of("pyvider_timed_token", "pyvider_widget"), names(provider.get("resource_schemas")));
    assertEquals(List.of("pyvider_timed_token"), names(provider.get("ephemeral_resource_schemas")));
    assertEquals(List.of("version", "block"), names(provider.get("provider")));
  }

  @Test
  void ephemeral_resources_are_printed_like_the_other_kinds() throws IOException {
    JsonNode token = provider().get("ephemeral_resource_schemas").get("pyvider_timed_token");
    assertEquals(List.of("version", "block"), names(token));
    assertEquals(0, token.get("version").asInt());
    JsonNode block = token.get("block");
    assertEquals(List.of("attributes", "description", "description_kind"), names(block));
    assertTrue(block.get("description").asText().contains("never stored"), block.toString());
    JsonNode attributes = block.get("attributes");
    assertEquals(List.of("expires_at", "id", "lifetime", "name", "token"), names(attributes));
    assertEquals(List.of("type", "description", "description_kind", "computed", "sensitive"),
        names(attributes.get("token")));
    assertEquals(List.of("type", "description", "description_kind", "optional", "computed"),
        names(attributes.get("lifetime")));
  }

  @Test
  void a_provider_without_ephemeral_resources_has_no_ephemeral_resource_schemas() throws IOException {
    CliHarness cli = new CliHarness(temporary);
    Outcomes.ProviderSchemas base = CliHarness.testSchemas();
    cli.schemas = () -> new Outcomes.ProviderSchemas(base.provider(), base.resources(), base.dataSources());
    JsonNode root = new ObjectMapper().readTree(cli.run("schema", "--json").out());
    assertEquals(List.of("provider", "resource_schemas", "data_source_schemas"),
        names(root.get("provider_schemas").get("registry.terraform.io/provide-io/pyvider")),
        "left out when empty, as Go's omitempty does");
  }

  @Test
  void attributes_carry_terraforms_fields_in_terraforms_order_and_omit_false_flags() throws IOException {
    JsonNode token = resource("pyvider_timed_token");
    assertEquals(2, token.get("version").asInt());
    JsonNode block = token.get("block");
    assertEquals(List.of("attributes", "description", "description_kind"), names(block));
    assertEquals("plain", block.get("description_kind").asText());
    JsonNode attributes = block.get("attributes");
    assertEquals(List.of("expires_at", "id", "keepers", "lifetime", "name", "ready_for_rotation", "rotate_before",
        "token"), names(attributes), "sorted by name, as Go marshals maps");
    assertEquals(List.of("type", "description", "description_kind", "computed", "sensitive"),
        names(attributes.get("token")));
    assertEquals("string", attributes.get("token").get("type").asText());
    assertTrue(attributes.get("name").get("required").asBoolean());
    assertFalse(attributes.get("name").has("optional"));
    assertEquals("[\"map\",\"string\"]", attributes.get("keepers").get("type").toString());
  }

  @Test
  void nested_blocks_write_only_and_deprecated_attributes_follow_terraform() throws IOException {
    JsonNode widget = resource("pyvider_widget");
    assertEquals(3, widget.get("version").asInt());
    JsonNode block = widget.get("block");
    assertEquals(List.of("attributes", "block_types", "description", "description_kind"), names(block));
    JsonNode rule = block.get("block_types").get("rule");
    assertEquals(List.of("nesting_mode", "block", "min_items", "max_items"), names(rule));
    assertEquals("list", rule.get("nesting_mode").asText());
    assertEquals(1, rule.get("min_items").asInt());
    assertEquals(5, rule.get("max_items").asInt());
    JsonNode password = block.get("attributes").get("password");
    assertEquals(List.of("type", "description", "description_kind", "optional", "sensitive", "write_only"),
        names(password));
    JsonNode legacy = block.get("attributes").get("legacy");
    assertEquals(List.of("type", "description_kind", "deprecated", "optional"), names(legacy),
        "an empty description is left out, description_kind stays");
    assertEquals("[\"object\",{\"email\":\"string\",\"id\":\"number\"}]",
        block.get("attributes").get("owner").get("type").toString());
  }

  @Test
  void json_escapes_like_gos_encoding_json() {
    CliHarness cli = new CliHarness(temporary);
    cli.schemas = () -> new Outcomes.ProviderSchemas(new Schema(0, Block.of("Use <name> & \"x\" \u2028 é.",
        List.of())), Map.of(), Map.of());
    String out = cli.run("schema", "--json").out();
    assertTrue(out.contains("\"description\":\"Use \\u003cname\\u003e \\u0026 \\\"x\\\" \\u2028 é.\""), out);
  }

  @Test
  void the_text_form_lists_every_component_with_its_attributes() {
    CliHarness.Result result = run("schema");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    String out = result.out();
    assertTrue(out.startsWith("Provider registry.terraform.io/provide-io/pyvider 0.1.0\n"), out);
    assertTrue(out.contains("resource pyvider_timed_token (schema version 2)"), out);
    assertTrue(out.contains("data source pyvider_lookup (schema version 0)"), out);
    assertTrue(out.contains("ephemeral resource pyvider_timed_token (schema version 0)"), out);
    assertTrue(out.indexOf("ephemeral resource pyvider_timed_token") > out.indexOf("data source pyvider_lookup"),
        "ephemeral resources after data sources, as in the JSON");
    assertTrue(out.matches("(?s).*\\n  token +string +computed, sensitive\\n.*"), out);
    assertTrue(out.matches("(?s).*\\n  keepers +map\\(string\\) +optional\\n.*"), out);
    assertTrue(out.contains("block rule (list, min 1, max 5)"), out);
    assertTrue(out.matches("(?s).*\\n  password +string +optional, sensitive, write-only\\n.*"), out);
    assertTrue(out.matches("(?s).*\\n    pattern +string +required\\n.*"), out);
  }

  @Test
  void unknown_options_are_usage_errors() {
    CliHarness.Result result = run("schema", "--jsno");
    assertEquals(ExitCodes.USAGE, result.code());
    TokensAuditCommandTest.assertOneLine(result.err());
    assertTrue(result.err().contains("Unknown option: '--jsno'"), result.err());
  }

  private JsonNode resource(String type) throws IOException {
    return provider().get("resource_schemas").get(type);
  }

  private JsonNode provider() throws IOException {
    return new ObjectMapper().readTree(run("schema", "--json").out()).get("provider_schemas")
        .get("registry.terraform.io/provide-io/pyvider");
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
