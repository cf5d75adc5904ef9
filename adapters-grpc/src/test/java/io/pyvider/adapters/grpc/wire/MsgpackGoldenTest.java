package io.pyvider.adapters.grpc.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MsgpackGoldenTest {

  private static final CtyType.ObjectOf AB = CtyType.ObjectOf.of("a", CtyType.STRING, "b", CtyType.STRING);

  private static void golden(Value value, CtyType type, String hex) throws WireFormatException {
    assertEquals(hex, Hex.of(MsgpackValueCodec.encode(value, type)));
    assertEquals(value, MsgpackValueCodec.decode(Hex.bytes(hex), type));
  }

  @Test
  void nullOfAnyTypeIsNil() throws WireFormatException {
    golden(Value.nullOf(CtyType.STRING), CtyType.STRING, "c0");
    golden(Value.nullOf(AB), AB, "c0");
    golden(Value.nullOf(CtyType.DYNAMIC), CtyType.DYNAMIC, "c0");
  }

  @Test
  void unrefinedUnknownIsFixext1TypeZero() throws WireFormatException {
    golden(Value.unknown(CtyType.STRING), CtyType.STRING, "d4 00 00");
    golden(Value.unknown(CtyType.listOf(CtyType.NUMBER)), CtyType.listOf(CtyType.NUMBER), "d4 00 00");
    golden(Value.unknown(CtyType.DYNAMIC), CtyType.DYNAMIC, "d4 00 00");
  }

  @Test
  void anyExtensionOfAtMostOneByteIsAPlainUnknown() throws WireFormatException {
    assertEquals(Value.unknown(CtyType.STRING), MsgpackValueCodec.decode(Hex.bytes("c7 00 00"), CtyType.STRING));
    assertEquals(Value.unknown(CtyType.STRING), MsgpackValueCodec.decode(Hex.bytes("d4 07 2a"), CtyType.STRING));
    assertEquals(Value.unknown(CtyType.BOOL), MsgpackValueCodec.decode(Hex.bytes("c7 01 0c 00"), CtyType.BOOL));
  }

  @Test
  void refinedStringUnknownCarriesNotNullAndPrefix() throws WireFormatException {
    golden(Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("ab")), CtyType.STRING,
        "c7 07 0c 82 01 c2 02 a2 61 62");
    golden(Value.unknown(CtyType.STRING, Refinements.NONE.withStringPrefix("ab")), CtyType.STRING,
        "c7 05 0c 81 02 a2 61 62");
    golden(Value.unknown(AB, Refinements.notNull()), AB, "c7 03 0c 81 01 c2");
  }

  @Test
  void refinedNumberAndCollectionUnknowns() throws WireFormatException {
    golden(Value.unknown(CtyType.NUMBER, Refinements.NONE.withLowerBound(BigDecimal.ZERO, true)
        .withUpperBound(BigDecimal.TEN, false)), CtyType.NUMBER, "c7 09 0c 82 03 92 00 c3 04 92 0a c2");
    CtyType list = CtyType.listOf(CtyType.STRING);
    golden(Value.unknown(list, Refinements.NONE.withLengthBounds(1L, 5L)), list, "c7 05 0c 82 05 01 06 05");
  }

  @Test
  void refinementsThatDoNotApplyToTheTypeAreNotWritten() {
    // A prefix on a number unknown has no wire form: the plain unknown is written, never an empty ext 12.
    Value v = Value.unknown(CtyType.NUMBER, Refinements.NONE.withStringPrefix("x"));
    assertEquals("d4 00 00", Hex.of(MsgpackValueCodec.encode(v, CtyType.NUMBER)));
    Value len = Value.unknown(CtyType.STRING, Refinements.NONE.withLengthBounds(0L, null));
    assertEquals("d4 00 00", Hex.of(MsgpackValueCodec.encode(len, CtyType.STRING)));
  }

  @Test
  void refinementDecodingIgnoresUnknownKeysAndHonoursNullness() throws WireFormatException {
    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull()),
        MsgpackValueCodec.decode(Hex.bytes("c7 06 0c 82 07 a1 78 01 c2"), CtyType.STRING));
    assertEquals(Value.nullOf(CtyType.STRING),
        MsgpackValueCodec.decode(Hex.bytes("c7 03 0c 81 01 c3"), CtyType.STRING));
    // A dynamic unknown is never refined: refinements are dropped.
    assertEquals(Value.unknown(CtyType.DYNAMIC),
        MsgpackValueCodec.decode(Hex.bytes("c7 03 0c 81 01 c2"), CtyType.DYNAMIC));
    // Infinite number bounds mean "no bound".
    assertEquals(Value.unknown(CtyType.NUMBER, Refinements.NONE.withUpperBound(BigDecimal.ONE, true)),
        MsgpackValueCodec.decode(Hex.bytes("c7 11 0c 82 03 92 cb fff0000000000000 c3 04 92 01 c3"), CtyType.NUMBER));
  }

  @Test
  void numberBoundsDecodeFromFloatsDecimalStringsAndInfinities() throws WireFormatException {
    // {3: [1.5, true]}: a float64 bound, kept exactly.
    assertEquals(Value.unknown(CtyType.NUMBER, Refinements.NONE.withLowerBound(new BigDecimal("1.5"), true)),
        MsgpackValueCodec.decode(Hex.bytes("c7 0d 0c 81 03 92 cb 3ff8000000000000 c3"), CtyType.NUMBER));
    // {4: ["2.5", false]}: a decimal-string bound.
    assertEquals(Value.unknown(CtyType.NUMBER, Refinements.NONE.withUpperBound(new BigDecimal("2.5"), false)),
        MsgpackValueCodec.decode(Hex.bytes("c7 08 0c 81 04 92 a3 32 2e 35 c2"), CtyType.NUMBER));
    // {4: ["inf", true]}: an infinite bound is no bound.
    assertEquals(Value.unknown(CtyType.NUMBER),
        MsgpackValueCodec.decode(Hex.bytes("c7 08 0c 81 04 92 a3 69 6e 66 c3"), CtyType.NUMBER));
  }

  @Test
  void integerBoundsAreCanonicalWithoutExpandingHugeExponents() throws WireFormatException {
    // {4: ["1e999", true]} becomes the plain integer; {4: ["1e1000", true]} keeps its exponent (no 1001 digits).
    assertEquals(Value.unknown(CtyType.NUMBER, Refinements.NONE.withUpperBound(
        new BigDecimal("1e999").setScale(0), true)),
        MsgpackValueCodec.decode(Hex.bytes("c7 0a 0c 81 04 92 a5 31 65 39 39 39 c3"), CtyType.NUMBER));
    assertEquals(Value.unknown(CtyType.NUMBER, Refinements.NONE.withUpperBound(new BigDecimal("1e1000"), true)),
        MsgpackValueCodec.decode(Hex.bytes("c7 0b 0c 81 04 92 a6 31 65 31 30 30 30 c3"), CtyType.NUMBER));
  }

  @Test
  void equalBoundsThatBothIncludeTheirNumberAreConsistent() throws WireFormatException {
    // {3: [1, true], 4: [1, true]} admits exactly 1; {5: 2, 6: 2} exactly two elements.
    assertEquals(Value.unknown(CtyType.NUMBER, Refinements.NONE.withLowerBound(BigDecimal.ONE, true)
        .withUpperBound(BigDecimal.ONE, true)),
        MsgpackValueCodec.decode(Hex.bytes("c7 09 0c 82 03 92 01 c3 04 92 01 c3"), CtyType.NUMBER));
    CtyType list = CtyType.listOf(CtyType.STRING);
    assertEquals(Value.unknown(list, Refinements.NONE.withLengthBounds(2L, 2L)),
        MsgpackValueCodec.decode(Hex.bytes("c7 05 0c 82 05 02 06 02"), list));
  }

  @Test
  void lengthBoundsSpanZeroToTheLargestInt64() throws WireFormatException {
    CtyType list = CtyType.listOf(CtyType.STRING);
    // {5: 0} is no lower bound at all; {6: 2^62} is a bound of 63 bits.
    assertEquals(Value.unknown(list), MsgpackValueCodec.decode(Hex.bytes("c7 03 0c 81 05 00"), list));
    assertEquals(Value.unknown(list, Refinements.NONE.withLengthBounds(null, 1L << 62)),
        MsgpackValueCodec.decode(Hex.bytes("c7 0b 0c 81 06 cf 4000000000000000"), list));
  }

  @Test
  void aRefinementPayloadOfExactly1024BytesIsAccepted() throws WireFormatException {
    // {2: str16 of 1019 bytes}: 1 + 1 + 3 + 1019 = 1024 bytes of refinements.
    String prefix = "a".repeat(1019);
    Value decoded = MsgpackValueCodec.decode(Hex.bytes("c8 04 00 0c 81 02 da 03 fb " + "61".repeat(1019)),
        CtyType.STRING);
    assertEquals(Value.unknown(CtyType.STRING, Refinements.NONE.withStringPrefix(prefix)), decoded);
  }

  @Test
  void dynamicValuesAreTypeValuePairs() throws WireFormatException {
    golden(Value.string("hi"), CtyType.DYNAMIC, "92 c4 08 22 73 74 72 69 6e 67 22 a2 68 69");
    Value list = new Value.ListVal(CtyType.NUMBER, List.of(Value.number(1)));
    String typeJson = Hex.of("[\"list\",\"number\"]".getBytes(StandardCharsets.UTF_8));
    golden(list, CtyType.DYNAMIC, "92 c4 11 " + typeJson + " 91 01");
    // A null of a known type keeps its type; the null of the dynamic type itself is a bare nil.
    golden(Value.nullOf(CtyType.BOOL), CtyType.DYNAMIC, "92 c4 06 22 62 6f 6f 6c 22 c0");
    // The type JSON may also come as a msgpack str.
    assertEquals(Value.string("hi"),
        MsgpackValueCodec.decode(Hex.bytes("92 a8 22 73 74 72 69 6e 67 22 a2 68 69"), CtyType.DYNAMIC));
  }

  @ParameterizedTest
  @CsvSource({
      "0, 00",
      "1, 01",
      "-1, ff",
      "-33, d0 df",
      "127, 7f",
      "255, cc ff",
      "65536, ce 00 01 00 00",
      "-9223372036854775808, d3 80 00 00 00 00 00 00 00",
      "9223372036854775807, cf 7f ff ff ff ff ff ff ff",
      "0.5, cb 3f e0 00 00 00 00 00 00",
      "-2.25, cb c0 02 00 00 00 00 00 00",
      "0.1, a3 30 2e 31",
      "9223372036854775808, b3 39 32 32 33 33 37 32 30 33 36 38 35 34 37 37 35 38 30 38",
      "1.000000000000000000001, b7 31 2e 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 31",
  })
  void numbersAreIntsThenFloat64ThenDecimalStrings(String number, String hex) throws WireFormatException {
    golden(Value.number(new BigDecimal(number)), CtyType.NUMBER, hex);
  }

  @Test
  void hugeNumbersAreDecimalStringsInFull() throws WireFormatException {
    BigDecimal big = new BigDecimal("1e400");
    String expected = "1" + "0".repeat(400);
    byte[] wire = MsgpackValueCodec.encode(Value.number(big), CtyType.NUMBER);
    assertEquals("da 01 91", Hex.of(wire).substring(0, 8));
    assertEquals(expected, new String(wire, 3, wire.length - 3, StandardCharsets.UTF_8));
    assertEquals(Value.number(big), MsgpackValueCodec.decode(wire, CtyType.NUMBER));
  }

  @Test
  void numbersDecodeFromEveryMsgpackNumberFormAndDecimalStrings() throws WireFormatException {
    assertEquals(Value.number(new BigDecimal(new BigInteger("18446744073709551615"))),
        MsgpackValueCodec.decode(Hex.bytes("cf ff ff ff ff ff ff ff ff"), CtyType.NUMBER));
    assertEquals(Value.number(new BigDecimal("1.5")),
        MsgpackValueCodec.decode(Hex.bytes("ca 3f c0 00 00"), CtyType.NUMBER));
    assertEquals(Value.number(-5), MsgpackValueCodec.decode(Hex.bytes("d1 ff fb"), CtyType.NUMBER));
    assertEquals(Value.number(new BigDecimal("1.5e3")),
        MsgpackValueCodec.decode(Hex.bytes("a5 31 2e 35 65 33"), CtyType.NUMBER));
    // A float64 is kept exactly, not rounded to its shortest decimal.
    assertEquals(Value.number(new BigDecimal(0.1)),
        MsgpackValueCodec.decode(Hex.bytes("cb 3f b9 99 99 99 99 99 9a"), CtyType.NUMBER));
  }

  @Test
  void objectsAreWrittenSortedWithEveryAttribute() throws WireFormatException {
    Value object = Value.ObjectVal.of(Map.of("b", Value.nullOf(CtyType.STRING), "a", Value.string("x")));
    golden(object, AB, "82 a1 61 a1 78 a1 62 c0");
    golden(new Value.ObjectVal(new TreeMap<>()), new CtyType.ObjectOf(Map.of()), "80");
  }

  @Test
  void collectionsAndTuples() throws WireFormatException {
    golden(new Value.ListVal(CtyType.STRING, List.of(Value.string("a"), Value.nullOf(CtyType.STRING))),
        CtyType.listOf(CtyType.STRING), "92 a1 61 c0");
    golden(new Value.SetVal(CtyType.BOOL, Set.of(Value.bool(true))), CtyType.setOf(CtyType.BOOL), "91 c3");
    golden(Value.MapVal.of(CtyType.NUMBER, Map.of("k", Value.number(2))), CtyType.mapOf(CtyType.NUMBER),
        "81 a1 6b 02");
    CtyType tuple = new CtyType.TupleOf(List.of(CtyType.STRING, CtyType.NUMBER));
    golden(new Value.TupleVal(List.of(Value.string("a"), Value.unknown(CtyType.NUMBER))), tuple, "92 a1 61 d4 00 00");
  }

  @Test
  void duplicateSetElementsCollapse() throws WireFormatException {
    assertEquals(new Value.SetVal(CtyType.STRING, Set.of(Value.string("a"))),
        MsgpackValueCodec.decode(Hex.bytes("92 a1 61 a1 61"), CtyType.setOf(CtyType.STRING)));
  }

  @Test
  void overlongStringPrefixesAreShortenedSafely() throws WireFormatException {
    String prefix = "a".repeat(300);
    byte[] wire = MsgpackValueCodec.encode(Value.unknown(CtyType.STRING, Refinements.NONE.withStringPrefix(prefix)),
        CtyType.STRING);
    Value back = MsgpackValueCodec.decode(wire, CtyType.STRING);
    String shortened = ((Value.Unknown) back).refinements().stringPrefix();
    // Cut below 256 bytes, and the last letter dropped: a combining mark could still follow it.
    assertEquals("a".repeat(254), shortened);
    assertEquals("x".repeat(254) + "-",
        Prefixes.forEncoding("x".repeat(254) + "-" + "y".repeat(100)));
  }

  @Test
  void aPrefixOfExactly256BytesIsKeptWhole() {
    assertEquals("a".repeat(256), Prefixes.forEncoding("a".repeat(256)));
    assertEquals("a".repeat(254), Prefixes.forEncoding("a".repeat(257)));
  }

  @Test
  void anOverlongPrefixIsNeverCutInsideACharacter() {
    // é is two bytes (c3 a9): byte 255 is the second half of the 128th, so the cut falls before it, at 127 of them,
    // and the last one goes too (a combining mark could still follow it).
    assertEquals("\u00e9".repeat(126), Prefixes.forEncoding("\u00e9".repeat(200)));
  }
}
