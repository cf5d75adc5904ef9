package io.pyvider.adapters.grpc.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses cty's JSON type descriptions ({@code "string"}, {@code ["list","number"]}, …); rendering is {@link CtyType#toJson()}. */
public final class TypeJson {
  private TypeJson() {
  }

  /** Parses one type description; anything after it is an error. */
  public static CtyType parse(String json) throws WireFormatException {
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      if (p.nextToken() == null) {
        throw fail("the type description is empty");
      }
      CtyType type = read(p);
      if (p.nextToken() != null) {
        throw fail("unexpected data after the type description");
      }
      return type;
    } catch (StreamConstraintsException e) {
      throw fail("the type description is nested too deeply or too long");
    } catch (JsonProcessingException e) {
      throw fail("the type description is not valid JSON");
    } catch (IOException e) {
      throw fail("the type description cannot be read");
    } catch (StackOverflowError e) {
      // Safety net behind Jackson's nesting limit: hostile input must not take the provider down.
      throw fail("the type description is nested too deeply");
    }
  }

  /** Reads the type starting at the parser's current token, leaving the parser on the type's last token. */
  static CtyType read(JsonParser p) throws IOException, WireFormatException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      String name = p.getText();
      return switch (name) {
        case "string" -> CtyType.STRING;
        case "number" -> CtyType.NUMBER;
        case "bool" -> CtyType.BOOL;
        case "dynamic" -> CtyType.DYNAMIC;
        default -> throw fail("unknown type name " + quote(name));
      };
    }
    if (token != JsonToken.START_ARRAY) {
      throw fail("invalid type description: a type name or a [kind, …] array is required");
    }
    if (p.nextToken() != JsonToken.VALUE_STRING) {
      throw fail("invalid type description: a type kind name is required");
    }
    String kind = p.getText();
    if (kind.equals("object")) {
      return object(p); // consumes its own closing bracket: it may have an optional third element
    }
    CtyType type = switch (kind) {
      case "list" -> CtyType.listOf(element(p));
      case "set" -> CtyType.setOf(element(p));
      case "map" -> CtyType.mapOf(element(p));
      case "tuple" -> tuple(p);
      default -> throw fail("unknown type kind " + quote(kind));
    };
    if (p.nextToken() != JsonToken.END_ARRAY) {
      throw fail("unexpected extra data in the " + kind + " type description");
    }
    return type;
  }

  private static CtyType element(JsonParser p) throws IOException, WireFormatException {
    if (p.nextToken() == null) {
      throw fail("the type description is truncated");
    }
    return read(p);
  }

  private static CtyType tuple(JsonParser p) throws IOException, WireFormatException {
    if (p.nextToken() != JsonToken.START_ARRAY) {
      throw fail("invalid tuple type description: an array of element types is required");
    }
    List<CtyType> elements = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      elements.add(read(p));
    }
    return new CtyType.TupleOf(elements);
  }

  private static CtyType object(JsonParser p) throws IOException, WireFormatException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw fail("invalid object type description: an object of attribute types is required");
    }
    Map<String, CtyType> attributes = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      attributes.put(name, read(p));
    }
    Set<String> optional = new LinkedHashSet<>();
    JsonToken next = p.nextToken();
    if (next == JsonToken.START_ARRAY) {
      // cty's optional third element: the names of optional attributes.
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw fail("invalid object type description: optional attribute names must be strings");
        }
        String name = p.getText();
        if (!attributes.containsKey(name)) {
          throw fail("optional attribute " + quote(name) + " is not an attribute of the object type");
        }
        optional.add(name);
      }
      next = p.nextToken();
    }
    if (next != JsonToken.END_ARRAY) {
      throw fail("unexpected extra data in the object type description");
    }
    return new CtyType.ObjectOf(attributes, optional);
  }

  private static WireFormatException fail(String message) {
    return new WireFormatException(AttributePath.ROOT, message);
  }

  /** Quotes a name for a message; type names are schema text, not values, so they may be shown. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().limit(64).forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    if (text.codePointCount(0, text.length()) > 64) {
      out.append('…');
    }
    return out.append('"').toString();
  }
}
