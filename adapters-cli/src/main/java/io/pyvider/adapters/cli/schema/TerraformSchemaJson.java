package io.pyvider.adapters.cli.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.NestedBlock;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The provider's schemas in exactly the shape {@code terraform providers schema -json} prints them (TF
 * {@code internal/command/jsonprovider}): format_version 1.0, provider_schemas keyed by the provider address, fields in
 * Terraform's order, map keys sorted, false flags and empty descriptions left out, description_kind always present.
 * Ephemeral resources (Terraform 1.10) come after data sources as {@code ephemeral_resource_schemas}, and write-only
 * attributes (Terraform 1.11) carry {@code write_only}. Terraform 1.14 adds, in this order, {@code list_resource_schemas},
 * {@code functions} ({@code jsonfunction}'s signatures), {@code resource_identity_schemas} and {@code action_schemas}.
 */
public final class TerraformSchemaJson {

  /** Terraform's {@code jsonprovider.FormatVersion}. */
  public static final String FORMAT_VERSION = "1.0";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper GO_JSON = new ObjectMapper();

  static {
    GO_JSON.getFactory().setCharacterEscapes(new GoEscapes());
  }

  private TerraformSchemaJson() {
  }

  /** The whole document for one provider. */
  public static ObjectNode document(String providerAddress, Outcomes.ProviderSchemas schemas) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    ObjectNode provider = root.putObject("provider_schemas").putObject(providerAddress);
    provider.set("provider", schema(schemas.provider()));
    if (!schemas.resources().isEmpty()) {
      provider.set("resource_schemas", schemas(schemas.resources()));
    }
    if (!schemas.dataSources().isEmpty()) {
      provider.set("data_source_schemas", schemas(schemas.dataSources()));
    }
    if (!schemas.ephemeralResources().isEmpty()) {
      provider.set("ephemeral_resource_schemas", schemas(schemas.ephemeralResources()));
    }
    if (!schemas.listResources().isEmpty()) {
      // Terraform wraps a list resource's schema in a "config" block and unwraps it again here: the provider's block.
      provider.set("list_resource_schemas", schemas(schemas.listResources()));
    }
    if (!schemas.functions().isEmpty()) {
      ObjectNode functions = provider.putObject("functions");
      new TreeMap<>(schemas.functions()).forEach((name, declaration) -> functions.set(name, function(declaration)));
    }
    // Terraform attaches identities to resource types, so an identity without a resource of its type is not printed.
    Map<String, IdentitySchema> identities = new TreeMap<>(schemas.identities());
    identities.keySet().retainAll(schemas.resources().keySet());
    if (!identities.isEmpty()) {
      ObjectNode out = provider.putObject("resource_identity_schemas");
      identities.forEach((type, identity) -> out.set(type, identity(identity)));
    }
    if (!schemas.actions().isEmpty()) {
      ObjectNode actions = provider.putObject("action_schemas");
      // An action schema is its config block alone: Terraform versions actions' schemas nowhere.
      new TreeMap<>(schemas.actions()).forEach((name, schema) ->
          actions.putObject(name).set("block", block(schema.block())));
    }
    return root;
  }

  /** Compact JSON, as Terraform prints it (Go's encoding/json: {@code <}, {@code >}, {@code &} escaped). */
  public static String compact(JsonNode node) {
    try {
      return GO_JSON.writeValueAsString(node);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static ObjectNode schemas(Map<String, Schema> byName) {
    ObjectNode out = JSON.createObjectNode();
    new TreeMap<>(byName).forEach((name, schema) -> out.set(name, schema(schema)));
    return out;
  }

  private static ObjectNode schema(Schema schema) {
    ObjectNode out = JSON.createObjectNode();
    out.put("version", schema.version());
    out.set("block", block(schema.block()));
    return out;
  }

  /** {@code jsonfunction.FunctionSignature}: empty strings and parameter lists left out, return_type always there. */
  private static ObjectNode function(FunctionDeclaration declaration) {
    ObjectNode out = JSON.createObjectNode();
    text(out, "description", declaration.description());
    text(out, "summary", declaration.summary());
    out.set("return_type", type(declaration.returnType()));
    if (!declaration.parameters().isEmpty()) {
      ArrayNode parameters = out.putArray("parameters");
      for (FunctionDeclaration.Parameter parameter : declaration.parameters()) {
        ObjectNode json = parameters.addObject();
        text(json, "name", parameter.name());
        text(json, "description", parameter.description());
        flag(json, "is_nullable", parameter.allowNull());
        json.set("type", type(parameter.type()));
      }
    }
    return out;
  }

  /** {@code jsonprovider.IdentitySchema}: its own version, attributes without description_kind. */
  private static ObjectNode identity(IdentitySchema identity) {
    ObjectNode out = JSON.createObjectNode();
    out.put("version", identity.version());
    ObjectNode attributes = out.putObject("attributes");
    identity.attributes().stream().sorted(Comparator.comparing(IdentitySchema.IdentityAttribute::name))
        .forEach(attribute -> {
          ObjectNode json = attributes.putObject(attribute.name());
          json.set("type", type(attribute.type()));
          text(json, "description", attribute.description());
          flag(json, "required_for_import", attribute.requiredForImport());
          flag(json, "optional_for_import", attribute.optionalForImport());
        });
    return out;
  }

  private static ObjectNode block(Block block) {
    ObjectNode out = JSON.createObjectNode();
    if (!block.attributes().isEmpty()) {
      ObjectNode attributes = out.putObject("attributes");
      new TreeMap<>(block.attributes()).forEach((name, attribute) -> attributes.set(name, attribute(attribute)));
    }
    if (!block.blockTypes().isEmpty()) {
      ObjectNode types = out.putObject("block_types");
      new TreeMap<>(block.blockTypes()).forEach((name, nested) -> types.set(name, nestedBlock(nested)));
    }
    text(out, "description", block.description());
    out.put("description_kind", "plain");
    if (block.deprecated()) {
      out.put("deprecated", true);
    }
    return out;
  }

  private static ObjectNode attribute(Attribute attribute) {
    ObjectNode out = JSON.createObjectNode();
    out.set("type", type(attribute.type()));
    text(out, "description", attribute.description());
    out.put("description_kind", "plain");
    flag(out, "deprecated", attribute.deprecated());
    flag(out, "required", attribute.required());
    flag(out, "optional", attribute.optional());
    flag(out, "computed", attribute.computed());
    flag(out, "sensitive", attribute.sensitive());
    flag(out, "write_only", attribute.writeOnly());
    return out;
  }

  private static ObjectNode nestedBlock(NestedBlock nested) {
    ObjectNode out = JSON.createObjectNode();
    out.put("nesting_mode", nested.nesting().name().toLowerCase(Locale.ROOT));
    out.set("block", block(nested.block()));
    if (nested.minItems() != 0) {
      out.put("min_items", nested.minItems());
    }
    if (nested.maxItems() != 0) {
      out.put("max_items", nested.maxItems());
    }
    return out;
  }

  /** Go's encoding/json escapes HTML-significant characters and the JavaScript line separators, lower-case hex. */
  private static final class GoEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] table = standardAsciiEscapesForJSON();

    GoEscapes() {
      table['<'] = ESCAPE_CUSTOM;
      table['>'] = ESCAPE_CUSTOM;
      table['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case '<', '>', '&', 0x2028, 0x2029 -> new SerializedString(String.format("\\u%04x", ch));
        default -> null;
      };
    }
  }

  private static JsonNode type(CtyType type) {
    try {
      return JSON.readTree(type.toJson());
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("type JSON " + type.toJson() + " does not parse", impossible);
    }
  }

  private static void text(ObjectNode out, String name, String value) {
    if (!value.isEmpty()) {
      out.put(name, value);
    }
  }

  private static void flag(ObjectNode out, String name, boolean value) {
    if (value) {
      out.put(name, true);
    }
  }
}
