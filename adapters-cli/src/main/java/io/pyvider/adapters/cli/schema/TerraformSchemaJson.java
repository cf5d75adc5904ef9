package io.pyvider.adapters.cli.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.NestedBlock;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The provider's schemas in exactly the shape {@code terraform providers schema -json} prints them (TF
 * {@code internal/command/jsonprovider}): format_version 1.0, provider_schemas keyed by the provider address, fields in
 * Terraform's order, map keys sorted, false flags and empty descriptions left out, description_kind always present.
 * Ephemeral resources (Terraform 1.10) come after data sources as {@code ephemeral_resource_schemas}, and write-only
 * attributes (Terraform 1.11) carry {@code write_only}.
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
    if (!block.description().isEmpty()) {
      out.put("description", block.description());
    }
    out.put("description_kind", "plain");
    if (block.deprecated()) {
      out.put("deprecated", true);
    }
    return out;
  }

  private static ObjectNode attribute(Attribute attribute) {
    ObjectNode out = JSON.createObjectNode();
    try {
      out.set("type", JSON.readTree(attribute.type().toJson()));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("type JSON of " + attribute.name() + " does not parse", impossible);
    }
    if (!attribute.description().isEmpty()) {
      out.put("description", attribute.description());
    }
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

  private static void flag(ObjectNode out, String name, boolean value) {
    if (value) {
      out.put(name, true);
    }
  }
}
