package io.pyvider.adapters.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pyvider.application.port.out.PrivateData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * The plaintext of sealed private state: a msgpack map of field name to string, the shape pyvider's Python provider
 * wrote with {@code msgpack.packb(attrs.asdict(state), use_bin_type=True)}. Messages never quote names or values.
 */
final class PlaintextCodec {

  private PlaintextCodec() {}

  static byte[] encode(PrivateData data) throws MalformedPlaintextException {
    Map<String, String> fields = new TreeMap<>();
    data.fields().forEach((name, value) -> {
      if (value != null) {
        fields.put(name, value);
      }
    });
    try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
      out.packMapHeader(fields.size());
      int index = 0;
      for (Map.Entry<String, String> field : fields.entrySet()) {
        index++;
        writeString(out, field.getKey(), index);
        writeString(out, field.getValue(), index);
      }
      return out.toByteArray();
    } catch (IOException cannotHappenInMemory) {
      throw new MalformedPlaintextException("the private state could not be encoded as MessagePack");
    }
  }

  private static void writeString(MessageBufferPacker out, String text, int index)
      throws IOException, MalformedPlaintextException {
    ByteBuffer bytes;
    try {
      // A strict encoder: msgpack-core's packString would silently turn an unpaired surrogate into '?', changing
      // the sealed value without anyone noticing.
      bytes = UTF_8.newEncoder().encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
      throw new MalformedPlaintextException("field " + index + " of the private state is not valid Unicode text "
          + "(it holds an unpaired surrogate)");
    }
    out.packRawStringHeader(bytes.remaining());
    out.writePayload(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
  }

  /** Strings stay strings, integers and booleans become their text, nil fields are left out; all else is refused. */
  static PrivateData decode(byte[] plaintext) throws MalformedPlaintextException {
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(plaintext)) {
      if (!in.hasNext()) {
        throw new MalformedPlaintextException("the plaintext is empty");
      }
      ValueType top = in.getNextFormat().getValueType();
      if (top != ValueType.MAP) {
        throw new MalformedPlaintextException("the plaintext is " + article(top) + ", not a map of fields");
      }
      int count = in.unpackMapHeader();
      if (count > plaintext.length) {
        throw new MalformedPlaintextException("the plaintext announces more fields than it has bytes");
      }
      Map<String, String> fields = new TreeMap<>();
      for (int index = 1; index <= count; index++) {
        ValueType keyType = in.getNextFormat().getValueType();
        if (keyType != ValueType.STRING) {
          throw new MalformedPlaintextException("the name of field " + index + " is " + article(keyType)
              + ", not a string");
        }
        String name = readString(in, plaintext.length, index);
        String value = readValue(in, plaintext.length, index);
        if (value != null && fields.put(name, value) != null) {
          throw new MalformedPlaintextException("field " + index + " repeats the name of an earlier field");
        }
      }
      if (in.hasNext()) {
        throw new MalformedPlaintextException("the plaintext has bytes after its map of fields");
      }
      return PrivateData.of(fields);
    } catch (IOException | MessagePackException e) {
      throw new MalformedPlaintextException("the plaintext is not valid MessagePack");
    }
  }

  private static String readValue(MessageUnpacker in, int limit, int index)
      throws IOException, MalformedPlaintextException {
    ValueType type = in.getNextFormat().getValueType();
    switch (type) {
      case STRING:
        return readString(in, limit, index);
      case INTEGER:
        return in.unpackBigInteger().toString();
      case BOOLEAN:
        return Boolean.toString(in.unpackBoolean());
      case NIL:
        in.unpackNil();
        return null;
      default:
        throw new MalformedPlaintextException("field " + index + " holds " + article(type) + ", not a string");
    }
  }

  private static String readString(MessageUnpacker in, int limit, int index)
      throws IOException, MalformedPlaintextException {
    int length = in.unpackRawStringHeader();
    if (length > limit) {
      throw new MalformedPlaintextException("field " + index + " announces more bytes than the plaintext has");
    }
    byte[] bytes = in.readPayload(length);
    try {
      // Strict decoding: a string that is not UTF-8 was not written by a pyvider provider.
      return UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedPlaintextException("field " + index + " is not valid UTF-8 text");
    }
  }

  private static String article(ValueType type) {
    String name = type.name().toLowerCase(Locale.ROOT);
    return (type == ValueType.ARRAY || type == ValueType.INTEGER || type == ValueType.EXTENSION ? "an " : "a ") + name;
  }
}
