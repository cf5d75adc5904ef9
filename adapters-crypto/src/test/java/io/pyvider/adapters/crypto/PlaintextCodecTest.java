package io.pyvider.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pyvider.application.port.out.PrivateData;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** The plaintext is a flat msgpack map of text; Python-written integers and booleans are read as text. */
class PlaintextCodecTest {

  /** Writes one msgpack document. */
  interface Writer {
    void write(MessageBufferPacker packer) throws IOException;
  }

  private static byte[] msgpack(Writer writer) throws IOException {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      writer.write(packer);
      return packer.toByteArray();
    }
  }

  private static String malformed(Writer writer) throws IOException {
    byte[] plaintext = msgpack(writer);
    String message = assertThrows(MalformedPlaintextException.class, () -> PlaintextCodec.decode(plaintext))
        .getMessage();
    assertFalse(message.contains("secret-name") || message.contains("secret-value"), message);
    return message;
  }

  @Test
  void encodingAndDecodingKeepEveryField() throws Exception {
    PrivateData data = PrivateData.of(Map.of("", "", "token", "ünïcödé ✓ 🎉", "n", "42"));
    assertEquals(data, PlaintextCodec.decode(PlaintextCodec.encode(data)));
  }

  @Test
  void integersAndBooleansBecomeTextAndNilFieldsAreLeftOut() throws Exception {
    byte[] plaintext = msgpack(p -> p.packMapHeader(5).packString("count").packInt(-7).packString("big")
        .packBigInteger(new java.math.BigInteger("18446744073709551615")).packString("flag").packBoolean(true)
        .packString("gone").packNil().packString("text").packString("t"));
    assertEquals(Map.of("count", "-7", "big", "18446744073709551615", "flag", "true", "text", "t"),
        PlaintextCodec.decode(plaintext).fields());
  }

  @Test
  void nestedMapsArraysFloatsAndBinaryValuesAreMalformed() throws IOException {
    malformed(p -> p.packMapHeader(1).packString("secret-name").packMapHeader(1).packString("a").packString("b"));
    malformed(p -> p.packMapHeader(1).packString("secret-name").packArrayHeader(1).packString("secret-value"));
    malformed(p -> p.packMapHeader(1).packString("secret-name").packDouble(1.5));
    malformed(p -> p.packMapHeader(1).packString("secret-name").packBinaryHeader(1).writePayload(new byte[] {1}));
  }

  @Test
  void fieldNamesThatAreNotStringsAreMalformed() throws IOException {
    malformed(p -> p.packMapHeader(1).packInt(1).packString("secret-value"));
    malformed(p -> p.packMapHeader(1).packBinaryHeader(1).writePayload(new byte[] {'a'}).packString("secret-value"));
  }

  @Test
  void aPlaintextThatIsNotExactlyOneMapIsMalformed() throws IOException {
    malformed(p -> { });
    malformed(p -> p.packArrayHeader(1).packString("secret-value"));
    malformed(p -> p.packMapHeader(0).packString("secret-value"));
    malformed(p -> p.packMapHeader(2).packString("secret-name").packString("secret-value"));
  }

  @Test
  void theMessageNamesWhatWasFoundWithItsArticleAndWhichField() throws IOException {
    assertEquals("the plaintext is an array, not a map of fields", malformed(p -> p.packArrayHeader(0)));
    assertEquals("the plaintext is an integer, not a map of fields", malformed(p -> p.packInt(7)));
    assertEquals("the plaintext is an extension, not a map of fields",
        malformed(p -> p.packExtensionTypeHeader((byte) 1, 1).writePayload(new byte[] {0})));
    assertEquals("the plaintext is a string, not a map of fields", malformed(p -> p.packString("secret-value")));
    assertEquals("the name of field 2 is a binary, not a string", malformed(p -> p.packMapHeader(2)
        .packString("a").packString("b").packBinaryHeader(1).writePayload(new byte[] {'c'}).packString("d")));
    assertEquals("field 1 holds a float, not a string",
        malformed(p -> p.packMapHeader(1).packString("secret-name").packDouble(1.5)));
  }

  @Test
  void anUnpairedSurrogateIsRefusedNamingItsFieldNotItsText() {
    PrivateData data = PrivateData.of(Map.of("a", "fine", "b", "\ud800 secret-value"));
    assertEquals("field 2 of the private state is not valid Unicode text (it holds an unpaired surrogate)",
        assertThrows(MalformedPlaintextException.class, () -> PlaintextCodec.encode(data)).getMessage());
  }

  @Test
  void repeatedNamesAndInvalidUtf8AreMalformed() throws IOException {
    malformed(p -> p.packMapHeader(2).packString("secret-name").packString("a").packString("secret-name")
        .packString("b"));
    malformed(p -> p.packMapHeader(1).packString("secret-name").packRawStringHeader(2)
        .writePayload(new byte[] {(byte) 0xc3, (byte) 0x28}));
  }
}
