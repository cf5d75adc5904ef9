package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.terraform.schema.IdentitySchema;
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
    assertEquals(List.of("provider", "resource_schemas", "data_source_schemas", "ephemeral_resource_schemas",
        "list_resource_schemas", "functions", "resource_identity_schemas", "action_schemas"), names(provider),
        "Terraform 1.14's order (jsonprovider.Provider's fields)");
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
  void a_provider_without_a_kind_has_no_key_for_it() throws IOException {
    CliHarness cli = new CliHarness(temporary);
    Outcomes.ProviderSchemas base = CliHarness.testSchemas();
    cli.schemas = () -> new Outcomes.ProviderSchemas(base.provider(), base.resources(), base.dataSources());
    JsonNode root = new ObjectMapper().readTree(cli.run("schema", "--json").out());
    assertEquals(List.of("provider", "resource_schemas", "data_source_schemas"),
        names(root.get("provider_schemas").get("registry.terraform.io/provide-io/pyvider")),
        "ephemeral resources, list resources, functions, identities and actions left out when empty, as Go's "
            + "omitempty does");
  }

  /**
   * The provider of Terraform 1.14's own end-to-end test of {@code terraform providers schema -json}
   * (internal/command/e2etest/providers_schema_test.go, provider "simple6"), rebuilt from schemas: the document must be
   * the one that test expects, byte for byte.
   */
  @Test
  void json_is_byte_for_byte_what_terraform_1_14_prints_for_its_own_test_provider() {
    Schema simple = new Schema(0, Block.of("", List.of(
        Attribute.builder("id", CtyType.STRING).computed().build(),
        Attribute.builder("value", CtyType.STRING).optional().build())));
    Schema simpleList = new Schema(0, Block.of("", List.of(
        Attribute.builder("value", CtyType.STRING).optional().build())));
    FunctionDeclaration noop = new FunctionDeclaration("noop", "",
        "noop takes any single argument and returns the same value", List.of(
            new FunctionDeclaration.Parameter("noop", CtyType.DYNAMIC, "any value", true, true)), CtyType.DYNAMIC);
    IdentitySchema identity = new IdentitySchema(0, List.of(
        new IdentitySchema.IdentityAttribute("id", CtyType.STRING, true, false, "")));
    CliHarness cli = new CliHarness(temporary);
    cli.schemas = () -> new Outcomes.ProviderSchemas(new Schema(0, Block.of("", List.of())),
        Map.of("simple_resource", simple), Map.of("simple_resource", simple), Map.of("simple_resource", simple),
        Map.of("simple_resource", simpleList), Map.of(), Map.of("noop", noop), Map.of("simple_resource", identity));

    String resource = "{\"version\":0,\"block\":{\"attributes\":{\"id\":{\"type\":\"string\",\"description_kind\":"
        + "\"plain\",\"computed\":true},\"value\":{\"type\":\"string\",\"description_kind\":\"plain\",\"optional\":true}},"
        + "\"description_kind\":\"plain\"}}";
    assertEquals("{\"format_version\":\"1.0\",\"provider_schemas\":{\"registry.terraform.io/provide-io/pyvider\":{"
        + "\"provider\":{\"version\":0,\"block\":{\"description_kind\":\"plain\"}},"
        + "\"resource_schemas\":{\"simple_resource\":" + resource + "},"
        + "\"data_source_schemas\":{\"simple_resource\":" + resource + "},"
        + "\"ephemeral_resource_schemas\":{\"simple_resource\":" + resource + "},"
        + "\"list_resource_schemas\":{\"simple_resource\":{\"version\":0,\"block\":{\"attributes\":{\"value\":{"
        + "\"type\":\"string\",\"description_kind\":\"plain\",\"optional\":true}},\"description_kind\":\"plain\"}}},"
        + "\"functions\":{\"noop\":{\"description\":\"noop takes any single argument and returns the same value\","
        + "\"return_type\":\"dynamic\",\"parameters\":[{\"name\":\"noop\",\"description\":\"any value\","
        + "\"is_nullable\":true,\"type\":\"dynamic\"}]}},"
        + "\"resource_identity_schemas\":{\"simple_resource\":{\"version\":0,\"attributes\":{\"id\":{"
        + "\"type\":\"string\",\"required_for_import\":true}}}}}}}\n", cli.run("schema", "--json").out());
  }

  @Test
  void a_list_resource_is_its_config_block_as_terraform_unwraps_it() throws IOException {
    JsonNode widgets = provider().get("list_resource_schemas").get("pyvider_widget");
    assertEquals(List.of("version", "block"), names(widgets));
    JsonNode block = widgets.get("block");
    assertEquals(List.of("attributes", "description", "description_kind"), names(block),
        "no \"config\" block and no \"data\" attribute: Terraform's wrapping is taken off again");
    assertEquals("Finds existing widgets.", block.get("description").asText());
    assertEquals(List.of("directory", "pattern", "recursive"), names(block.get("attributes")));
    assertEquals(List.of("type", "description", "description_kind", "required"),
        names(block.get("attributes").get("directory")));
    assertEquals(List.of("type", "description_kind", "optional"), names(block.get("attributes").get("recursive")));
    assertEquals("bool", block.get("attributes").get("recursive").get("type").asText());
  }

  @Test
  void functions_are_printed_as_jsonfunction_signatures() throws IOException {
    JsonNode functions = provider().get("functions");
    assertEquals(List.of("build_id", "first_of", "parse_duration"), names(functions), "sorted by name");
    JsonNode parse = functions.get("parse_duration");
    assertEquals(List.of("description", "summary", "return_type", "parameters"), names(parse));
    assertEquals("Seconds in a duration.", parse.get("summary").asText());
    assertEquals("number", parse.get("return_type").asText());
    assertEquals(1, parse.get("parameters").size());
    assertEquals(List.of("name", "description", "type"), names(parse.get("parameters").get(0)),
        "is_nullable left out when false");
    assertEquals("string", parse.get("parameters").get(0).get("type").asText());

    JsonNode firstOf = functions.get("first_of");
    assertEquals(List.of("return_type", "parameters"), names(firstOf), "empty description and summary left out");
    assertEquals("dynamic", firstOf.get("return_type").asText());
    assertEquals(List.of("name", "is_nullable", "type"), names(firstOf.get("parameters").get(0)));
    assertTrue(firstOf.get("parameters").get(0).get("is_nullable").asBoolean());
    assertEquals(List.of("name", "description", "type"), names(firstOf.get("parameters").get(1)),
        "allow_unknown_values is not part of Terraform's JSON");
    assertEquals("[\"list\",\"string\"]", firstOf.get("parameters").get(1).get("type").toString());

    assertEquals(List.of("summary", "return_type"), names(functions.get("build_id")),
        "no parameters: no \"parameters\" key");
    assertTrue(run("schema", "--json").out().contains("`1h30m` \\u0026 returns"), "escaped like Go");
  }

  @Test
  void identities_are_printed_per_resource_type_with_their_own_version() throws IOException {
    JsonNode identities = provider().get("resource_identity_schemas");
    assertEquals(List.of("pyvider_widget"), names(identities));
    JsonNode widget = identities.get("pyvider_widget");
    assertEquals(List.of("version", "attributes"), names(widget));
    assertEquals(1, widget.get("version").asInt(), "the identity's version, not the resource schema's (3)");
    assertEquals(List.of("region", "serial"), names(widget.get("attributes")), "sorted by name");
    assertEquals(List.of("type", "description", "required_for_import"),
        names(widget.get("attributes").get("serial")), "no description_kind for identity attributes");
    assertEquals("number", widget.get("attributes").get("serial").get("type").asText());
    assertEquals(List.of("type", "optional_for_import"), names(widget.get("attributes").get("region")));
  }

  @Test
  void an_identity_without_a_resource_of_its_type_is_not_printed() throws IOException {
    CliHarness cli = new CliHarness(temporary);
    Outcomes.ProviderSchemas base = CliHarness.testSchemas();
    cli.schemas = () -> new Outcomes.ProviderSchemas(base.provider(), Map.of("pyvider_timed_token",
        base.resources().get("pyvider_timed_token")), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of("pyvider_widget", CliHarness.WIDGET_IDENTITY));
    JsonNode provider = new ObjectMapper().readTree(cli.run("schema", "--json").out()).get("provider_schemas")
        .get("registry.terraform.io/provide-io/pyvider");
    assertEquals(List.of("provider", "resource_schemas"), names(provider),
        "Terraform reads identities into its resource types, so one without a resource is lost");
  }

  @Test
  void an_action_is_its_config_block_alone_without_a_version() throws IOException {
    JsonNode notify = provider().get("action_schemas").get("pyvider_notify");
    assertEquals(List.of("block"), names(notify));
    JsonNode block = notify.get("block");
    assertEquals(List.of("attributes", "description", "description_kind"), names(block));
    assertEquals(List.of("headers", "url"), names(block.get("attributes")));
    assertEquals(List.of("type", "description_kind", "optional", "sensitive"),
        names(block.get("attributes").get("headers")));
    assertEquals(List.of("type", "description", "description_kind", "required"),
        names(block.get("attributes").get("url")));
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
  void the_text_form_lists_identities_list_resources_functions_and_actions() {
    String out = run("schema").out();
    assertTrue(out.matches("(?s).*resource pyvider_widget \\(schema version 3\\)\\n.*"
        + "\\n  identity \\(version 1\\)\\n    serial +number +required for import\\n"
        + "    region +string +optional for import\\n\\ndata source .*"), out);
    assertTrue(out.matches("(?s).*\\nlist resource pyvider_widget \\(schema version 0\\)\\n"
        + "  directory +string +required\\n.*"), out);
    assertTrue(out.contains("\nfunction parse_duration(duration string) number\n  Seconds in a duration.\n"), out);
    assertTrue(out.contains("\nfunction first_of(value string (nullable), fallbacks list(string)) any\n"), out);
    assertTrue(out.contains("\nfunction build_id() string\n  The build's id.\n"), out);
    assertTrue(out.matches("(?s).*\\naction pyvider_notify\\n  url +string +required\\n.*"), out);
    assertTrue(out.indexOf("ephemeral resource") < out.indexOf("list resource")
        && out.indexOf("list resource") < out.indexOf("function ") && out.indexOf("function ") < out.indexOf("action "),
        "in the JSON's order");
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
