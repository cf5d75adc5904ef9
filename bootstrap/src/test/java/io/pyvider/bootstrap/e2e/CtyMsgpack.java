package io.pyvider.bootstrap.e2e;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Terraform's side of DynamicValue.msgpack, written here from go-cty's rules (cty/msgpack) rather than taken from the
 * provider, so a codec bug in the provider cannot hide behind the same bug in the test: nil for null, ext 0 (or
 * refined ext 12) for unknown, every object attribute present, numbers as int/float64/decimal string.
 */
final class CtyMsgpack {

  private CtyMsgpack() {
  }

  static byte[] encode(Value value, CtyType type) {
    try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
      write(out, value, type);
      return out.toByteArray();
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static void write(MessageBufferPacker out, Value value, CtyType type) throws IOException {
    if (value.isNull()) {
      out.packNil();
    } else if (value instanceof Value.Unknown unknown) {
      writeUnknown(out, unknown.refinements());
    } else if (value instanceof Value.Str s) {
      out.packString(s.value());
    } else if (value instanceof Value.Bool b) {
      out.packBoolean(b.value());
    } else if (value instanceof Value.Num n) {
      writeNumber(out, n.value());
    } else if (value instanceof Value.ListVal list) {
      out.packArrayHeader(list.elements().size());
      for (Value element : list.elements()) {
        write(out, element, ((CtyType.ListOf) type).element());
      }
    } else if (value instanceof Value.SetVal set) {
      out.packArrayHeader(set.elements().size());
      for (Value element : set.elements()) {
        write(out, element, ((CtyType.SetOf) type).element());
      }
    } else if (value instanceof Value.MapVal map) {
      out.packMapHeader(map.entries().size());
      for (Map.Entry<String, Value> entry : map.entries().entrySet()) {
        out.packString(entry.getKey());
        write(out, entry.getValue(), ((CtyType.MapOf) type).element());
      }
    } else if (value instanceof Value.ObjectVal object) {
      CtyType.ObjectOf objectType = (CtyType.ObjectOf) type;
      out.packMapHeader(objectType.attributes().size());
      for (Map.Entry<String, CtyType> attribute : objectType.attributes().entrySet()) {
        out.packString(attribute.getKey());
        write(out, object.get(attribute.getKey()), attribute.getValue());
      }
    } else {
      throw new UnsupportedOperationException("the test codec does not encode " + value);
    }
  }

  private static void writeUnknown(MessageBufferPacker out, Refinements refinements) throws IOException {
    if (refinements.isEmpty()) {
      out.packExtensionTypeHeader((byte) 0, 1);
      out.writePayload(new byte[] {0});
      return;
    }
    byte[] payload = CtyRefinements.encode(refinements);
    out.packExtensionTypeHeader((byte) 12, payload.length);
    out.writePayload(payload);
  }

  static void writeNumber(org.msgpack.core.MessagePacker out, BigDecimal number) throws IOException {
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
        && stripped.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
      out.packLong(stripped.longValueExact());
    } else if (new BigDecimal(stripped.doubleValue()).compareTo(stripped) == 0) {
      out.packDouble(stripped.doubleValue());
    } else {
      out.packString(stripped.toPlainString());
    }
  }

  /** Decodes a whole document as Terraform would; any deviation is a {@link WireError}. */
  static Value decode(byte[] bytes, CtyType type) throws WireError {
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
      Value value = read(in, type, "");
      if (in.hasNext()) {
        throw new WireError("trailing bytes after the value");
      }
      return value;
    } catch (IOException | RuntimeException malformed) {
      throw new WireError("undecodable msgpack: " + malformed);
    }
  }

  private static Value read(MessageUnpacker in, CtyType type, String path) throws IOException, WireError {
    MessageFormat format = in.getNextFormat();
    if (format == MessageFormat.NIL) {
      in.unpackNil();
      return Value.nullOf(type);
    }
    if (format.getValueType() == ValueType.EXTENSION) {
      ExtensionTypeHeader header = in.unpackExtensionTypeHeader();
      byte[] payload = in.readPayload(header.getLength());
      if (header.getLength() <= 1) {
        return Value.unknown(type);
      }
      if (header.getType() != 12) {
        throw new WireError(path + ": unsupported extension type " + header.getType());
      }
      return Value.unknown(type, CtyRefinements.decode(payload, path));
    }
    if (type == CtyType.STRING) {
      expect(format, ValueType.STRING, path);
      return Value.string(in.unpackString());
    }
    if (type == CtyType.BOOL) {
      expect(format, ValueType.BOOLEAN, path);
      return Value.bool(in.unpackBoolean());
    }
    if (type == CtyType.NUMBER) {
      return Value.number(readNumber(in, path));
    }
    if (type instanceof CtyType.ListOf || type instanceof CtyType.SetOf) {
      expect(format, ValueType.ARRAY, path);
      int size = in.unpackArrayHeader();
      CtyType element = type instanceof CtyType.ListOf list ? list.element() : ((CtyType.SetOf) type).element();
      List<Value> elements = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        elements.add(read(in, element, path + "[" + i + "]"));
      }
      return type instanceof CtyType.ListOf ? new Value.ListVal(element, elements)
          : new Value.SetVal(element, new LinkedHashSet<>(elements));
    }
    if (type instanceof CtyType.MapOf map) {
      expect(format, ValueType.MAP, path);
      int size = in.unpackMapHeader();
      TreeMap<String, Value> entries = new TreeMap<>();
      for (int i = 0; i < size; i++) {
        String key = in.unpackString();
        entries.put(key, read(in, map.element(), path + "[\"" + key + "\"]"));
      }
      return new Value.MapVal(map.element(), entries);
    }
    if (type instanceof CtyType.ObjectOf object) {
      expect(format, ValueType.MAP, path);
      int size = in.unpackMapHeader();
      if (size != object.attributes().size()) {
        throw new WireError(path + ": an object with " + object.attributes().size() + " attributes is required ("
            + size + " given)");
      }
      TreeMap<String, Value> attributes = new TreeMap<>();
      for (int i = 0; i < size; i++) {
        String name = in.unpackString();
        CtyType attributeType = object.attributes().get(name);
        if (attributeType == null || attributes.containsKey(name)) {
          throw new WireError(path + ": unsupported or repeated attribute \"" + name + "\"");
        }
        attributes.put(name, read(in, attributeType, path.isEmpty() ? name : path + "." + name));
      }
      return new Value.ObjectVal(attributes);
    }
    throw new WireError(path + ": the test codec does not decode " + type.toJson());
  }

  static BigDecimal readNumber(MessageUnpacker in, String path) throws IOException, WireError {
    MessageFormat format = in.getNextFormat();
    switch (format.getValueType()) {
      case INTEGER:
        BigInteger integer = in.unpackBigInteger();
        return new BigDecimal(integer);
      case FLOAT:
        return new BigDecimal(in.unpackDouble());
      case STRING:
        return new BigDecimal(in.unpackString());
      default:
        throw new WireError(path + ": a number is required, got " + format);
    }
  }

  private static void expect(MessageFormat format, ValueType wanted, String path) throws WireError {
    if (format.getValueType() != wanted) {
      throw new WireError((path.isEmpty() ? "value" : path) + ": " + wanted + " required, got " + format);
    }
  }

  /** A value Terraform could not decode. */
  static final class WireError extends Exception {
    private static final long serialVersionUID = 1L;

    WireError(String message) {
      super(message);
    }
  }

  /** Raw msgpack for bad-input tests. */
  static MessageBufferPacker packer() {
    return MessagePack.newDefaultBufferPacker();
  }

  static Set<String> attributeNames(CtyType type) {
    return ((CtyType.ObjectOf) type).attributes().keySet();
  }
}
