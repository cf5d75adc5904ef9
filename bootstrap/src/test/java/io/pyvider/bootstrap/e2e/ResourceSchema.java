package io.pyvider.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A schema as Terraform reads it from GetProviderSchema (ProtoToConfigSchema): attributes with their flags and types
 * parsed from the type JSON. These tests cover flat schemas: a block with nested blocks or nested attribute types is
 * refused loudly rather than checked half-way.
 */
record ResourceSchema(String typeName, long version, Map<String, Attr> attributes) {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One attribute and the flags Terraform's rules look at. */
  record Attr(String name, CtyType type, boolean required, boolean optional, boolean computed, boolean sensitive,
      boolean writeOnly, String description) {
  }

  static ResourceSchema of(String typeName, Tfplugin6.Schema schema) {
    if (schema.getBlock().getBlockTypesCount() > 0) {
      throw new AssertionError(typeName + " has nested blocks, which these end-to-end checks do not model");
    }
    Map<String, Attr> attributes = new TreeMap<>();
    for (Tfplugin6.Schema.Attribute a : schema.getBlock().getAttributesList()) {
      if (a.hasNestedType()) {
        throw new AssertionError(typeName + "." + a.getName() + " has a nested type, which these checks do not model");
      }
      attributes.put(a.getName(), new Attr(a.getName(), parseType(a.getType().toStringUtf8()), a.getRequired(),
          a.getOptional(), a.getComputed(), a.getSensitive(), a.getWriteOnly(), a.getDescription()));
    }
    return new ResourceSchema(typeName, schema.getVersion(), attributes);
  }

  CtyType.ObjectOf impliedType() {
    Map<String, CtyType> types = new TreeMap<>();
    attributes.forEach((name, attribute) -> types.put(name, attribute.type()));
    return new CtyType.ObjectOf(types);
  }

  Attr attribute(String name) {
    Attr attribute = attributes.get(name);
    if (attribute == null) {
      throw new AssertionError(typeName + " has no attribute " + name + "; it has " + attributes.keySet());
    }
    return attribute;
  }

  /** A configuration object: the given attributes, every other one null (what HCL decoding yields). */
  Value.ObjectVal config(Map<String, Value> given) {
    Map<String, Value> all = new TreeMap<>();
    attributes.forEach((name, attribute) -> all.put(name, Value.nullOf(attribute.type())));
    given.forEach((name, value) -> {
      attribute(name);
      all.put(name, value);
    });
    return Value.ObjectVal.of(all);
  }

  static CtyType parseType(String json) {
    try {
      return type(JSON.readTree(json));
    } catch (IOException | RuntimeException bad) {
      throw new AssertionError("unreadable type JSON " + json, bad);
    }
  }

  private static CtyType type(JsonNode node) {
    if (node.isTextual()) {
      return switch (node.asText()) {
        case "string" -> CtyType.STRING;
        case "number" -> CtyType.NUMBER;
        case "bool" -> CtyType.BOOL;
        case "dynamic" -> CtyType.DYNAMIC;
        default -> throw new IllegalArgumentException("unknown primitive type " + node);
      };
    }
    String kind = node.get(0).asText();
    return switch (kind) {
      case "list" -> CtyType.listOf(type(node.get(1)));
      case "set" -> CtyType.setOf(type(node.get(1)));
      case "map" -> CtyType.mapOf(type(node.get(1)));
      case "object" -> {
        Map<String, CtyType> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.get(1).properties()) {
          attributes.put(field.getKey(), type(field.getValue()));
        }
        yield new CtyType.ObjectOf(attributes);
      }
      default -> throw new IllegalArgumentException("unsupported type kind " + kind);
    };
  }

  /** The JSON form of a stored object, as Terraform writes it to the state file and sends as raw_state.json. */
  byte[] stateJson(Value.ObjectVal state) {
    ObjectNode object = JSON.createObjectNode();
    attributes.keySet().forEach(name -> object.set(name, json(state.get(name))));
    try {
      return JSON.writeValueAsString(object).getBytes(StandardCharsets.UTF_8);
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static JsonNode json(Value value) {
    if (!value.isKnown()) {
      throw new AssertionError("a stored state cannot hold unknown values: " + value);
    }
    if (value.isNull()) {
      return JSON.nullNode();
    }
    if (value instanceof Value.Str s) {
      return JSON.getNodeFactory().textNode(s.value());
    }
    if (value instanceof Value.Bool b) {
      return JSON.getNodeFactory().booleanNode(b.value());
    }
    if (value instanceof Value.Num n) {
      return JSON.getNodeFactory().numberNode(new BigDecimal(n.value().toPlainString()));
    }
    if (value instanceof Value.MapVal map) {
      ObjectNode object = JSON.createObjectNode();
      map.entries().forEach((key, element) -> object.set(key, json(element)));
      return object;
    }
    if (value instanceof Value.ListVal list) {
      return JSON.createArrayNode().addAll(list.elements().stream().map(ResourceSchema::json).toList());
    }
    if (value instanceof Value.SetVal set) {
      return JSON.createArrayNode().addAll(List.copyOf(set.elements()).stream().map(ResourceSchema::json).toList());
    }
    throw new UnsupportedOperationException("the test state encoder does not write " + value);
  }
}
