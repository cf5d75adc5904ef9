package io.pyvider.adapters.grpc.wire;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Terraform's MessagePack form of values (DynamicValue.msgpack), following go-cty's {@code cty/msgpack} rules:
 * nil for null, extension 0 or refined extension 12 for unknown, {@code [type JSON, value]} pairs for dynamic.
 */
public final class MsgpackValueCodec {
  /** cty's extension type for refined unknown values. */
  static final byte REFINED_UNKNOWN = 12;
  /** cty rejects larger refinement payloads as abusive. */
  static final int MAX_REFINEMENT_BYTES = 1024;
  /**
   * How deep values may nest. Nested dynamic values are otherwise unbounded, and recursion this deep must fit a
   * default 1 MiB thread stack; no Terraform schema comes near it.
   */
  static final int MAX_DEPTH = 256;

  private static final int NULLNESS = 1;
  private static final int STRING_PREFIX = 2;
  private static final int NUMBER_MIN = 3;
  private static final int NUMBER_MAX = 4;
  private static final int LENGTH_MIN = 5;
  private static final int LENGTH_MAX = 6;

  private MsgpackValueCodec() {
  }

  /** Decodes a whole msgpack document as a value of {@code type}; trailing bytes are an error. */
  public static Value decode(byte[] bytes, CtyType type) throws WireFormatException {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(type, "type");
    Decoder decoder = new Decoder(bytes);
    try {
      Value value = decoder.value(type, AttributePath.ROOT, 0);
      if (decoder.in.hasNext()) {
        throw new WireFormatException(AttributePath.ROOT, "unexpected data after the msgpack value");
      }
      return value;
    } catch (MessageInsufficientBufferException e) {
      throw decoder.truncated();
    } catch (MessagePackException | IOException e) {
      throw new WireFormatException(decoder.at, "invalid msgpack data");
    } catch (StackOverflowError e) {
      // Safety net behind MAX_DEPTH: hostile input must not take the provider down.
      throw new WireFormatException(decoder.at, "the value is nested too deeply");
    }
  }

  /**
   * Encodes a value per the declared type, as cty does: object attributes sorted and all present, numbers as int,
   * float64 or decimal string. A value whose type does not fit {@code type} is a programming error.
   */
  public static byte[] encode(Value value, CtyType type) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(type, "type");
    MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
    try {
      encode(packer, value, type, AttributePath.ROOT);
      packer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory buffer does not fail
    }
    return packer.toByteArray();
  }

  private static void encode(MessagePacker out, Value value, CtyType type, AttributePath path) throws IOException {
    if (type == CtyType.DYNAMIC && value.type() != CtyType.DYNAMIC) {
      // The receiver cannot know the type: send it along, as type JSON in a bin.
      CtyType actual = value.type();
      byte[] typeJson = actual.toJson().getBytes(StandardCharsets.UTF_8);
      out.packArrayHeader(2);
      out.packBinaryHeader(typeJson.length);
      out.writePayload(typeJson);
      encode(out, value, actual, path);
      return;
    }
    Conformance.check(value, type, path);
    if (value instanceof Value.Unknown unknown) {
      encodeUnknown(out, unknown);
    } else if (value instanceof Value.Null) {
      out.packNil();
    } else if (value instanceof Value.Str s) {
      out.packString(s.value());
    } else if (value instanceof Value.Num n) {
      encodeNumber(out, n.value());
    } else if (value instanceof Value.Bool b) {
      out.packBoolean(b.value());
    } else if (value instanceof Value.ListVal list) {
      CtyType element = ((CtyType.ListOf) type).element();
      out.packArrayHeader(list.elements().size());
      for (int i = 0; i < list.elements().size(); i++) {
        encode(out, list.elements().get(i), element, path.index(i));
      }
    } else if (value instanceof Value.SetVal set) {
      CtyType element = ((CtyType.SetOf) type).element();
      out.packArrayHeader(set.elements().size());
      int i = 0;
      for (Value e : set.elements()) {
        encode(out, e, element, path.index(i++));
      }
    } else if (value instanceof Value.MapVal map) {
      CtyType element = ((CtyType.MapOf) type).element();
      out.packMapHeader(map.entries().size());
      for (Map.Entry<String, Value> entry : map.entries().entrySet()) {
        out.packString(entry.getKey());
        encode(out, entry.getValue(), element, path.key(entry.getKey()));
      }
    } else if (value instanceof Value.TupleVal tuple) {
      List<CtyType> elements = ((CtyType.TupleOf) type).elements();
      out.packArrayHeader(elements.size());
      for (int i = 0; i < elements.size(); i++) {
        encode(out, tuple.elements().get(i), elements.get(i), path.index(i));
      }
    } else if (value instanceof Value.ObjectVal object) {
      Map<String, CtyType> attributes = ((CtyType.ObjectOf) type).attributes();
      out.packMapHeader(attributes.size());
      for (Map.Entry<String, CtyType> attribute : attributes.entrySet()) { // sorted, as cty writes them
        out.packString(attribute.getKey());
        encode(out, object.attributes().get(attribute.getKey()), attribute.getValue(), path.then(attribute.getKey()));
      }
    }
  }

  private static void encodeNumber(MessagePacker out, BigDecimal number) throws IOException {
    Long exact = Numbers.exactLong(number);
    if (exact != null) {
      out.packLong(exact); // msgpack-core picks the most compact int form, as cty's encoder does
      return;
    }
    Double d = Numbers.exactNonIntegerDouble(number);
    if (d != null) {
      out.packDouble(d); // always float64: cty never writes float32
      return;
    }
    out.packString(number.toPlainString());
  }

  private static void encodeUnknown(MessagePacker out, Value.Unknown unknown) throws IOException {
    Refinements r = unknown.refinements();
    CtyType type = unknown.type();
    MessageBufferPacker body = MessagePack.newDefaultBufferPacker();
    int entries = 0;
    if (type != CtyType.DYNAMIC) { // a dynamic unknown is never refined
      if (r.definitelyNotNull()) {
        body.packInt(NULLNESS);
        body.packBoolean(false);
        entries++;
      }
      if (type == CtyType.NUMBER) {
        if (r.lowerBound() != null) {
          body.packInt(NUMBER_MIN);
          body.packArrayHeader(2);
          encodeNumber(body, r.lowerBound());
          body.packBoolean(r.lowerInclusive());
          entries++;
        }
        if (r.upperBound() != null) {
          body.packInt(NUMBER_MAX);
          body.packArrayHeader(2);
          encodeNumber(body, r.upperBound());
          body.packBoolean(r.upperInclusive());
          entries++;
        }
      } else if (type == CtyType.STRING) {
        String prefix = r.stringPrefix() == null ? "" : Prefixes.forEncoding(r.stringPrefix());
        if (!prefix.isEmpty()) {
          body.packInt(STRING_PREFIX);
          body.packString(prefix);
          entries++;
        }
      } else if (isCollection(type)) {
        if (r.lengthLowerBound() != null && r.lengthLowerBound() != 0) {
          body.packInt(LENGTH_MIN);
          body.packLong(r.lengthLowerBound());
          entries++;
        }
        if (r.lengthUpperBound() != null) {
          body.packInt(LENGTH_MAX);
          body.packLong(r.lengthUpperBound());
          entries++;
        }
      }
    }
    if (entries == 0) {
      // The old form: older decoders know nothing else, and an empty ext 12 is forbidden.
      out.packExtensionTypeHeader((byte) 0, 1);
      out.writePayload(new byte[] {0});
      return;
    }
    MessageBufferPacker payload = MessagePack.newDefaultBufferPacker();
    payload.packMapHeader(entries);
    payload.writePayload(body.toByteArray());
    byte[] bytes = payload.toByteArray();
    out.packExtensionTypeHeader(REFINED_UNKNOWN, bytes.length);
    out.writePayload(bytes);
  }

  private static boolean isCollection(CtyType type) {
    return type instanceof CtyType.ListOf || type instanceof CtyType.SetOf || type instanceof CtyType.MapOf;
  }

  /** One decoding pass over one buffer; {@link #at} remembers where a low-level failure happened. */
  private static final class Decoder {
    final MessageUnpacker in;
    final int size;
    AttributePath at = AttributePath.ROOT;

    Decoder(byte[] bytes) {
      this.in = MessagePack.newDefaultUnpacker(bytes);
      this.size = bytes.length;
    }

    WireFormatException truncated() {
      return new WireFormatException(at, "the msgpack data is truncated");
    }

    long remaining() {
      return size - in.getTotalReadBytes();
    }

    /** Guards claimed lengths before anything is allocated for them. */
    void need(long bytes) throws WireFormatException {
      if (bytes > remaining()) {
        throw truncated();
      }
    }

    MessageFormat next(AttributePath path) throws IOException, WireFormatException {
      at = path;
      if (!in.hasNext()) {
        throw truncated();
      }
      MessageFormat format = in.getNextFormat();
      if (format == MessageFormat.NEVER_USED) {
        throw new WireFormatException(path, "invalid msgpack data");
      }
      return format;
    }

    Value value(CtyType type, AttributePath path, int depth) throws IOException, WireFormatException {
      if (depth > MAX_DEPTH) {
        throw new WireFormatException(path, "the value is nested more than " + MAX_DEPTH + " levels deep");
      }
      MessageFormat format = next(path);
      ValueType kind = format.getValueType();
      if (kind == ValueType.EXTENSION) {
        return unknown(type, path); // any extension is an unknown value, whatever the type
      }
      if (type == CtyType.DYNAMIC) {
        return dynamic(format, path, depth);
      }
      if (kind == ValueType.NIL) {
        in.unpackNil();
        return Value.nullOf(type);
      }
      if (type == CtyType.STRING) {
        expect(format, ValueType.STRING, "a string", path);
        return Value.string(Normalizer.normalize(string(path), Normalizer.Form.NFC));
      }
      if (type == CtyType.NUMBER) {
        return Value.number(number(format, path));
      }
      if (type == CtyType.BOOL) {
        expect(format, ValueType.BOOLEAN, "a bool", path);
        return Value.bool(in.unpackBoolean());
      }
      if (type instanceof CtyType.ListOf list) {
        expect(format, ValueType.ARRAY, "a list", path);
        int n = arrayHeader();
        List<Value> elements = new ArrayList<>(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
          elements.add(value(list.element(), path.index(i), depth + 1));
        }
        return new Value.ListVal(list.element(), elements);
      }
      if (type instanceof CtyType.SetOf set) {
        expect(format, ValueType.ARRAY, "a set", path);
        int n = arrayHeader();
        Set<Value> elements = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
          elements.add(value(set.element(), path.index(i), depth + 1)); // duplicates collapse, as in cty
        }
        return new Value.SetVal(set.element(), elements);
      }
      if (type instanceof CtyType.TupleOf tuple) {
        expect(format, ValueType.ARRAY, "a tuple", path);
        int n = arrayHeader();
        int want = tuple.elements().size();
        if (n != want) {
          throw new WireFormatException(path, "a tuple of " + want + " elements is required (" + n + " given)");
        }
        List<Value> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          elements.add(value(tuple.elements().get(i), path.index(i), depth + 1));
        }
        return new Value.TupleVal(elements);
      }
      if (type instanceof CtyType.MapOf map) {
        expect(format, ValueType.MAP, "a map", path);
        int n = mapHeader();
        TreeMap<String, Value> entries = new TreeMap<>();
        for (int i = 0; i < n; i++) {
          String key = key(path, "map keys");
          entries.put(key, value(map.element(), path.key(key), depth + 1));
        }
        return new Value.MapVal(map.element(), entries);
      }
      if (type instanceof CtyType.ObjectOf object) {
        expect(format, ValueType.MAP, "an object", path);
        int n = mapHeader();
        int want = object.attributes().size();
        if (n != want) {
          throw new WireFormatException(path, "an object with " + want + " attributes is required (" + n + " given)");
        }
        TreeMap<String, Value> attributes = new TreeMap<>();
        for (int i = 0; i < n; i++) {
          String name = key(path, "attribute names");
          CtyType attributeType = object.attributes().get(name);
          if (attributeType == null) {
            throw new WireFormatException(path, "unsupported attribute " + TypeJson.quote(name));
          }
          if (attributes.containsKey(name)) {
            throw new WireFormatException(path, "duplicate attribute " + TypeJson.quote(name));
          }
          attributes.put(name, value(attributeType, path.then(name), depth + 1));
        }
        return new Value.ObjectVal(attributes);
      }
      throw new IllegalStateException("unhandled type " + type.toJson());
    }

    private Value dynamic(MessageFormat format, AttributePath path, int depth)
        throws IOException, WireFormatException {
      if (format.getValueType() == ValueType.NIL) {
        in.unpackNil();
        return Value.nullOf(CtyType.DYNAMIC);
      }
      expect(format, ValueType.ARRAY, "a [type, value] array for a dynamic value", path);
      int n = arrayHeader();
      if (n != 2) {
        throw new WireFormatException(path, "a dynamic value must be a [type, value] array (" + n + " elements given)");
      }
      MessageFormat typeFormat = next(path);
      byte[] typeJson;
      if (typeFormat.getValueType() == ValueType.BINARY) {
        int length = in.unpackBinaryHeader();
        need(length);
        typeJson = in.readPayload(length);
      } else if (typeFormat.getValueType() == ValueType.STRING) {
        int length = in.unpackRawStringHeader();
        need(length);
        typeJson = in.readPayload(length);
      } else {
        throw new WireFormatException(path,
            "a dynamic value's type must be JSON in a bin or a string, got " + describe(typeFormat));
      }
      CtyType actual;
      try {
        actual = TypeJson.parse(new String(typeJson, StandardCharsets.UTF_8));
      } catch (WireFormatException e) {
        throw new WireFormatException(path, e.getMessage());
      }
      return value(actual, path, depth + 1);
    }

    private Value unknown(CtyType type, AttributePath path) throws IOException, WireFormatException {
      ExtensionTypeHeader header = in.unpackExtensionTypeHeader();
      int length = header.getLength();
      if (length <= 1) {
        need(length);
        in.readPayload(length); // a plain unknown: the payload means nothing
        return Value.unknown(type);
      }
      if (header.getType() != REFINED_UNKNOWN) {
        throw new WireFormatException(path, "unsupported extension type " + header.getType());
      }
      if (length > MAX_REFINEMENT_BYTES) {
        throw new WireFormatException(path,
            "oversize unknown value refinements (" + length + " bytes, at most " + MAX_REFINEMENT_BYTES + ")");
      }
      need(length);
      byte[] payload = in.readPayload(length);
      Decoder body = new Decoder(payload);
      try {
        return body.refinements(type, path);
      } catch (MessagePackException | IOException e) {
        throw new WireFormatException(path, "invalid unknown value refinements: not valid msgpack");
      }
    }

    /** Reads a refinement map (this decoder's whole buffer); trailing bytes are ignored, as cty does. */
    private Value refinements(CtyType type, AttributePath path) throws IOException, WireFormatException {
      MessageFormat format = next(path);
      if (format.getValueType() != ValueType.MAP) {
        throw new WireFormatException(path, "invalid unknown value refinements: a map is required, got "
            + describe(format));
      }
      int n = mapHeader();
      if (type == CtyType.DYNAMIC) {
        return Value.unknown(CtyType.DYNAMIC); // refinements of a dynamic unknown are ignored
      }
      boolean isNull = false;
      Refinements refinements = Refinements.NONE;
      for (int i = 0; i < n; i++) {
        MessageFormat keyFormat = next(path);
        if (keyFormat.getValueType() != ValueType.INTEGER) {
          throw new WireFormatException(path, "invalid unknown value refinements: keys must be integers");
        }
        BigInteger key = in.unpackBigInteger();
        int code = key.bitLength() < 8 ? key.intValue() : -1;
        switch (code) {
          case NULLNESS -> {
            MessageFormat f = next(path);
            if (f.getValueType() != ValueType.BOOLEAN) {
              throw refinementError(path, "the nullness refinement must be a bool");
            }
            if (in.unpackBoolean()) {
              isNull = true;
            } else {
              refinements = refinements.withNotNull();
            }
          }
          case STRING_PREFIX -> {
            if (type != CtyType.STRING) {
              throw refinementError(path, "a string prefix refinement is only valid for strings");
            }
            MessageFormat f = next(path);
            if (f.getValueType() != ValueType.STRING) {
              throw refinementError(path, "the string prefix refinement must be a string");
            }
            refinements = refinements.withStringPrefix(string(path));
          }
          case NUMBER_MIN, NUMBER_MAX -> {
            if (type != CtyType.NUMBER) {
              throw refinementError(path, "a number bound refinement is only valid for numbers");
            }
            MessageFormat f = next(path);
            if (f.getValueType() != ValueType.ARRAY || in.unpackArrayHeader() != 2) {
              throw refinementError(path, "a number bound refinement must be a [number, bool] array");
            }
            BigDecimal bound = bound(path);
            MessageFormat inclusive = next(path);
            if (inclusive.getValueType() != ValueType.BOOLEAN) {
              throw refinementError(path, "a number bound refinement must be a [number, bool] array");
            }
            boolean isInclusive = in.unpackBoolean();
            if (bound != null) { // an infinite bound is no bound at all
              refinements = code == NUMBER_MIN
                  ? refinements.withLowerBound(bound, isInclusive)
                  : refinements.withUpperBound(bound, isInclusive);
            }
          }
          case LENGTH_MIN, LENGTH_MAX -> {
            if (!isCollection(type)) {
              throw refinementError(path, "a length bound refinement is only valid for lists, sets and maps");
            }
            MessageFormat f = next(path);
            if (f.getValueType() != ValueType.INTEGER) {
              throw refinementError(path, "a length bound refinement must be an integer");
            }
            BigInteger bound = in.unpackBigInteger();
            if (bound.signum() < 0 || bound.bitLength() > 63) {
              throw refinementError(path, "a length bound refinement must be a non-negative int64");
            }
            long b = bound.longValue();
            refinements = code == LENGTH_MIN
                ? refinements.withLengthBounds(b == 0 ? null : b, refinements.lengthUpperBound())
                : refinements.withLengthBounds(refinements.lengthLowerBound(), b);
          }
          default -> in.skipValue(); // future refinements: ignore, as the protocol asks
        }
      }
      if (isNull) {
        return Value.nullOf(type); // "unknown but definitely null" is just null
      }
      checkConsistent(refinements, path);
      return refinements.isEmpty() ? Value.unknown(type) : Value.unknown(type, refinements);
    }

    private BigDecimal bound(AttributePath path) throws IOException, WireFormatException {
      MessageFormat f = next(path);
      if (f.getValueType() == ValueType.FLOAT) {
        double d = in.unpackDouble();
        if (Double.isInfinite(d)) {
          return null;
        }
        return Numbers.canonical(Numbers.fromDouble(d, path));
      }
      if (f.getValueType() == ValueType.STRING) {
        String text = string(path);
        if (text.matches("[+-]?(?i:inf|infinity)")) {
          return null;
        }
        return Numbers.canonical(Numbers.parse(text, path));
      }
      if (f.getValueType() == ValueType.INTEGER) {
        return Numbers.canonical(number(f, path));
      }
      throw refinementError(path, "a number bound refinement must be a [number, bool] array");
    }

    private static void checkConsistent(Refinements r, AttributePath path) throws WireFormatException {
      if (r.lowerBound() != null && r.upperBound() != null) {
        int c = r.lowerBound().compareTo(r.upperBound());
        if (c > 0 || (c == 0 && !(r.lowerInclusive() && r.upperInclusive()))) {
          throw refinementError(path, "the number bounds admit no number");
        }
      }
      if (r.lengthLowerBound() != null && r.lengthUpperBound() != null
          && r.lengthLowerBound() > r.lengthUpperBound()) {
        throw refinementError(path, "the length bounds admit no length");
      }
    }

    private static WireFormatException refinementError(AttributePath path, String message) {
      return new WireFormatException(path, "invalid unknown value refinements: " + message);
    }

    private BigDecimal number(MessageFormat format, AttributePath path) throws IOException, WireFormatException {
      switch (format.getValueType()) {
        case INTEGER -> {
          if (format == MessageFormat.UINT64) {
            return new BigDecimal(in.unpackBigInteger());
          }
          return BigDecimal.valueOf(in.unpackLong());
        }
        case FLOAT -> {
          return Numbers.fromDouble(in.unpackDouble(), path);
        }
        case STRING -> {
          return Numbers.parse(string(path), path);
        }
        default -> throw required("a number", format, path);
      }
    }

    private String key(AttributePath path, String what) throws IOException, WireFormatException {
      MessageFormat format = next(path);
      if (format.getValueType() != ValueType.STRING) {
        throw new WireFormatException(path, what + " must be strings, got " + describe(format));
      }
      return Normalizer.normalize(string(path), Normalizer.Form.NFC);
    }

    /** Reads a str strictly as UTF-8: a Java string cannot carry invalid bytes faithfully. */
    private String string(AttributePath path) throws IOException, WireFormatException {
      int length = in.unpackRawStringHeader();
      need(length);
      byte[] bytes = in.readPayload(length);
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        throw new WireFormatException(path, "the string is not valid UTF-8");
      }
    }

    private int arrayHeader() throws IOException, WireFormatException {
      int n = in.unpackArrayHeader();
      need(n); // every element takes at least one byte
      return n;
    }

    private int mapHeader() throws IOException, WireFormatException {
      int n = in.unpackMapHeader();
      need(2L * n);
      return n;
    }

    private static void expect(MessageFormat format, ValueType kind, String what, AttributePath path)
        throws WireFormatException {
      if (format.getValueType() != kind) {
        throw required(what, format, path);
      }
    }

    private static WireFormatException required(String what, MessageFormat format, AttributePath path) {
      return new WireFormatException(path, what + " is required, got " + describe(format));
    }

    private static String describe(MessageFormat format) {
      return switch (format.getValueType()) {
        case NIL -> "a msgpack nil";
        case BOOLEAN -> "a msgpack boolean";
        case INTEGER -> "a msgpack integer";
        case FLOAT -> "a msgpack float";
        case STRING -> "a msgpack string";
        case BINARY -> "msgpack binary data";
        case ARRAY -> "a msgpack array";
        case MAP -> "a msgpack map";
        case EXTENSION -> "a msgpack extension";
      };
    }
  }
}
