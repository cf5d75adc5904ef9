package io.pyvider.adapters.grpc.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Terraform's JSON form of values (DynamicValue.json, raw_state.json, state files), following go-cty's
 * {@code cty/json} rules: missing object attributes are null, dynamic values are {"value":…,"type":…}, numbers keep
 * full precision, and unknown values cannot be written.
 */
public final class JsonValueCodec {
  private JsonValueCodec() {
  }

  /** Decodes one JSON document as a value of {@code type}; trailing content is an error. */
  public static Value decode(byte[] json, CtyType type) throws WireFormatException {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    return decode(json, type, AttributePath.ROOT, 0);
  }

  private static Value decode(byte[] json, CtyType type, AttributePath base, int depth) throws WireFormatException {
    Reader reader = null;
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      reader = new Reader(p, base);
      if (p.nextToken() == null) {
        throw new WireFormatException(base, "the JSON document is empty");
      }
      Value value = reader.value(type, base, depth);
      if (p.nextToken() != null) {
        throw new WireFormatException(base, "unexpected data after the JSON value");
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw new WireFormatException(at(reader, base), "the JSON is nested too deeply or holds an over-long token");
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote the input, which may be secret: report only where it broke.
      JsonLocation where = e.getLocation();
      String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
      throw new WireFormatException(at(reader, base), "invalid JSON" + position);
    } catch (IOException e) {
      throw new WireFormatException(at(reader, base), "the JSON cannot be read");
    } catch (StackOverflowError e) {
      // Safety net behind the depth limits: hostile input must not take the provider down.
      throw new WireFormatException(at(reader, base), "the value is nested too deeply");
    }
  }

  private static AttributePath at(Reader reader, AttributePath base) {
    return reader == null ? base : reader.at;
  }

  /** Encodes a known value per the declared type; unknown values and type mismatches are programming errors. */
  public static byte[] encode(Value value, CtyType type) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(type, "type");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      write(g, value, type, AttributePath.ROOT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, Value value, CtyType type, AttributePath path) throws IOException {
    if (!value.isKnown()) {
      throw new IllegalArgumentException("an unknown value cannot be encoded as JSON"
          + (path.isRoot() ? "" : " (at " + path + ")"));
    }
    if (type == CtyType.DYNAMIC && value.type() != CtyType.DYNAMIC) {
      CtyType actual = value.type();
      g.writeStartObject();
      g.writeFieldName("value");
      write(g, value, actual, path);
      g.writeFieldName("type");
      g.writeRawValue(actual.toJson());
      g.writeEndObject();
      return;
    }
    Conformance.check(value, type, path);
    if (value instanceof Value.Null) {
      g.writeNull();
    } else if (value instanceof Value.Str s) {
      g.writeString(s.value());
    } else if (value instanceof Value.Num n) {
      g.writeNumber(n.value().toPlainString()); // full precision, never exponent notation, as cty writes
    } else if (value instanceof Value.Bool b) {
      g.writeBoolean(b.value());
    } else if (value instanceof Value.ListVal list) {
      CtyType element = ((CtyType.ListOf) type).element();
      g.writeStartArray();
      for (int i = 0; i < list.elements().size(); i++) {
        write(g, list.elements().get(i), element, path.index(i));
      }
      g.writeEndArray();
    } else if (value instanceof Value.SetVal set) {
      CtyType element = ((CtyType.SetOf) type).element();
      g.writeStartArray();
      int i = 0;
      for (Value e : set.elements()) {
        write(g, e, element, path.index(i++));
      }
      g.writeEndArray();
    } else if (value instanceof Value.MapVal map) {
      CtyType element = ((CtyType.MapOf) type).element();
      g.writeStartObject();
      for (Map.Entry<String, Value> entry : map.entries().entrySet()) {
        g.writeFieldName(entry.getKey());
        write(g, entry.getValue(), element, path.key(entry.getKey()));
      }
      g.writeEndObject();
    } else if (value instanceof Value.TupleVal tuple) {
      List<CtyType> elements = ((CtyType.TupleOf) type).elements();
      g.writeStartArray();
      for (int i = 0; i < elements.size(); i++) {
        write(g, tuple.elements().get(i), elements.get(i), path.index(i));
      }
      g.writeEndArray();
    } else if (value instanceof Value.ObjectVal object) {
      g.writeStartObject();
      for (Map.Entry<String, CtyType> attribute : ((CtyType.ObjectOf) type).attributes().entrySet()) {
        g.writeFieldName(attribute.getKey());
        write(g, object.attributes().get(attribute.getKey()), attribute.getValue(), path.then(attribute.getKey()));
      }
      g.writeEndObject();
    }
  }

  /** One decoding pass over one parser; {@link #at} remembers where a syntax error happened. */
  private static final class Reader {
    final JsonParser p;
    AttributePath at;

    Reader(JsonParser p, AttributePath base) {
      this.p = p;
      this.at = base;
    }

    /** Decodes the value starting at the current token, leaving the parser on its last token. */
    Value value(CtyType type, AttributePath path, int depth) throws IOException, WireFormatException {
      at = path;
      if (depth > MsgpackValueCodec.MAX_DEPTH) {
        throw new WireFormatException(path, "the value is nested more than " + MsgpackValueCodec.MAX_DEPTH
            + " levels deep");
      }
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NULL) {
        return Value.nullOf(type);
      }
      if (type == CtyType.DYNAMIC) {
        return dynamic(path, depth);
      }
      if (type == CtyType.STRING) {
        return switch (token) {
          case VALUE_STRING -> Value.string(Normalizer.normalize(WellFormed.text(p.getText()), Normalizer.Form.NFC));
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Value.string(p.getText()); // cty keeps the literal
          case VALUE_TRUE -> Value.string("true");
          case VALUE_FALSE -> Value.string("false");
          default -> throw required("a string", token, path);
        };
      }
      if (type == CtyType.NUMBER) {
        return switch (token) {
          // The literal, not Jackson's getDecimalValue: that throws NumberFormatException for 1e9999999999.
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Value.number(Numbers.parse(p.getText(), path));
          case VALUE_STRING -> Value.number(Numbers.parse(p.getText(), path));
          default -> throw required("a number", token, path);
        };
      }
      if (type == CtyType.BOOL) {
        return switch (token) {
          case VALUE_TRUE -> Value.bool(true);
          case VALUE_FALSE -> Value.bool(false);
          case VALUE_STRING -> switch (p.getText()) { // cty converts these strings, as Terraform does
            case "true", "1" -> Value.bool(true);
            case "false", "0" -> Value.bool(false);
            default -> throw new WireFormatException(path, "a bool is required, got a JSON string that is not "
                + "\"true\" or \"false\"");
          };
          default -> throw required("a bool", token, path);
        };
      }
      if (type instanceof CtyType.ListOf list) {
        expect(token, JsonToken.START_ARRAY, "a list", path);
        List<Value> elements = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          elements.add(value(list.element(), path.index(elements.size()), depth + 1));
        }
        return new Value.ListVal(list.element(), elements);
      }
      if (type instanceof CtyType.SetOf set) {
        expect(token, JsonToken.START_ARRAY, "a set", path);
        Set<Value> elements = new LinkedHashSet<>();
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
          elements.add(value(set.element(), path.index(i), depth + 1));
        }
        return new Value.SetVal(set.element(), elements);
      }
      if (type instanceof CtyType.TupleOf tuple) {
        expect(token, JsonToken.START_ARRAY, "a tuple", path);
        int want = tuple.elements().size();
        List<Value> elements = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (elements.size() == want) {
            throw new WireFormatException(path, "a tuple of " + want + " elements is required (more given)");
          }
          elements.add(value(tuple.elements().get(elements.size()), path.index(elements.size()), depth + 1));
        }
        if (elements.size() != want) {
          throw new WireFormatException(path,
              "a tuple of " + want + " elements is required (" + elements.size() + " given)");
        }
        return new Value.TupleVal(elements);
      }
      if (type instanceof CtyType.MapOf map) {
        expect(token, JsonToken.START_OBJECT, "a map", path);
        TreeMap<String, Value> entries = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = Normalizer.normalize(p.currentName(), Normalizer.Form.NFC);
          p.nextToken();
          entries.put(key, value(map.element(), path.key(key), depth + 1));
        }
        return new Value.MapVal(map.element(), entries);
      }
      if (type instanceof CtyType.ObjectOf object) {
        expect(token, JsonToken.START_OBJECT, "an object", path);
        TreeMap<String, Value> attributes = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          CtyType attributeType = object.attributes().get(name);
          if (attributeType == null) {
            throw new WireFormatException(path, "unsupported attribute " + TypeJson.quote(name));
          }
          p.nextToken();
          attributes.put(name, value(attributeType, path.then(name), depth + 1));
        }
        // Missing attributes are null: state written by older schemas may lack newer attributes.
        object.attributes().forEach((name, attributeType) -> attributes.putIfAbsent(name, Value.nullOf(attributeType)));
        return new Value.ObjectVal(attributes);
      }
      throw new IllegalStateException("unhandled type " + type.toJson());
    }

    private Value dynamic(AttributePath path, int depth) throws IOException, WireFormatException {
      expect(p.currentToken(), JsonToken.START_OBJECT, "a {\"value\":…,\"type\":…} object for a dynamic value", path);
      CtyType type = null;
      Value value = null;
      byte[] pending = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        switch (key) {
          case "type" -> {
            if (type != null) {
              throw new WireFormatException(path, "duplicate key \"type\" in a dynamically-typed value");
            }
            try {
              type = TypeJson.read(p);
            } catch (WireFormatException e) {
              throw new WireFormatException(path, e.getMessage());
            }
          }
          case "value" -> {
            if (value != null || pending != null) {
              throw new WireFormatException(path, "duplicate key \"value\" in a dynamically-typed value");
            }
            if (type != null) {
              value = value(type, path, depth + 1);
            } else {
              pending = copy(); // cty writes "value" before "type": keep it until the type is known
            }
          }
          default -> throw new WireFormatException(path,
              "invalid key " + TypeJson.quote(key) + " in a dynamically-typed value");
        }
      }
      if (type == null) {
        throw new WireFormatException(path, "missing type in a dynamically-typed value");
      }
      if (pending != null) {
        return decode(pending, type, path, depth + 1);
      }
      if (value == null) {
        throw new WireFormatException(path, "missing value in a dynamically-typed value");
      }
      return value;
    }

    /** Copies the structure at the current token verbatim (numbers as their literal text, so nothing is rounded). */
    private byte[] copy() throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
        int open = 0;
        do {
          JsonToken t = p.currentToken();
          switch (t) {
            case START_OBJECT -> {
              g.writeStartObject();
              open++;
            }
            case START_ARRAY -> {
              g.writeStartArray();
              open++;
            }
            case END_OBJECT -> {
              g.writeEndObject();
              open--;
            }
            case END_ARRAY -> {
              g.writeEndArray();
              open--;
            }
            case FIELD_NAME -> g.writeFieldName(p.currentName());
            case VALUE_STRING -> g.writeString(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
            case VALUE_TRUE -> g.writeBoolean(true);
            case VALUE_FALSE -> g.writeBoolean(false);
            case VALUE_NULL -> g.writeNull();
            default -> throw new IOException("unexpected JSON token");
          }
        } while (open > 0 && p.nextToken() != null);
      }
      return out.toByteArray();
    }

    private static void expect(JsonToken token, JsonToken wanted, String what, AttributePath path)
        throws WireFormatException {
      if (token != wanted) {
        throw required(what, token, path);
      }
    }

    private static WireFormatException required(String what, JsonToken token, AttributePath path) {
      return new WireFormatException(path, what + " is required, got " + describe(token));
    }

    private static String describe(JsonToken token) {
      if (token == null) {
        return "nothing";
      }
      return switch (token) {
        case START_OBJECT -> "a JSON object";
        case START_ARRAY -> "a JSON array";
        case VALUE_STRING -> "a JSON string";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
        case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
        case VALUE_NULL -> "a JSON null";
        default -> "unexpected JSON";
      };
    }
  }
}
