package io.pyvider.adapters.grpc.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class MsgpackErrorTest {

  private static WireFormatException fails(String hex, CtyType type) {
    return assertThrows(WireFormatException.class, () -> MsgpackValueCodec.decode(Hex.bytes(hex), type));
  }

  private static void fails(String hex, CtyType type, String message) {
    assertEquals(message, fails(hex, type).getMessage());
  }

  @Test
  void truncatedInput() {
    fails("a5 68 65", CtyType.STRING, "the msgpack data is truncated");
    fails("", CtyType.STRING, "the msgpack data is truncated");
    fails("92 01", CtyType.listOf(CtyType.NUMBER), "the msgpack data is truncated");
    fails("cb 3f e0", CtyType.NUMBER, "the msgpack data is truncated");
    fails("dd 00 00 ff ff", CtyType.listOf(CtyType.NUMBER), "the msgpack data is truncated");
    fails("c7 05 0c 81 01", CtyType.STRING, "the msgpack data is truncated");
  }

  @Test
  void trailingGarbage() {
    fails("c0 c0", CtyType.STRING, "unexpected data after the msgpack value");
  }

  @Test
  void neverUsedFormatByte() {
    fails("c1", CtyType.STRING, "invalid msgpack data");
  }

  @Test
  void wrongMsgpackTypes() {
    fails("01", CtyType.STRING, "a string is required, got a msgpack integer");
    fails("c4 01 61", CtyType.STRING, "a string is required, got msgpack binary data");
    fails("c3", CtyType.NUMBER, "a number is required, got a msgpack boolean");
    fails("a1 31", CtyType.BOOL, "a bool is required, got a msgpack string");
    fails("80", CtyType.listOf(CtyType.STRING), "a list is required, got a msgpack map");
    fails("90", CtyType.mapOf(CtyType.STRING), "a map is required, got a msgpack array");
    fails("90", CtyType.ObjectOf.of("a", CtyType.STRING), "an object is required, got a msgpack array");
    fails("01", CtyType.DYNAMIC, "a [type, value] array for a dynamic value is required, got a msgpack integer");
  }

  @Test
  void objectAttributeCountMustMatch() {
    CtyType four = CtyType.ObjectOf.of("a", CtyType.STRING, "b", CtyType.STRING, "c", CtyType.STRING,
        "d", CtyType.STRING);
    fails("83 a1 61 c0 a1 62 c0 a1 63 c0", four, "an object with 4 attributes is required (3 given)");
    fails("80", four, "an object with 4 attributes is required (0 given)");
  }

  @Test
  void unsupportedAndDuplicateAttributes() {
    WireFormatException e = fails("81 a3 66 6f 6f c0", CtyType.ObjectOf.of("a", CtyType.STRING));
    assertEquals("unsupported attribute \"foo\"", e.getMessage());
    assertEquals(AttributePath.ROOT, e.path());
    fails("82 a1 61 c0 a1 61 c0", CtyType.ObjectOf.of("a", CtyType.STRING, "b", CtyType.STRING),
        "duplicate attribute \"a\"");
    fails("81 01 c0", CtyType.ObjectOf.of("a", CtyType.STRING),
        "attribute names must be strings, got a msgpack integer");
    fails("81 01 c0", CtyType.mapOf(CtyType.STRING), "map keys must be strings, got a msgpack integer");
  }

  @Test
  void errorsCarryThePathOfTheBadValue() {
    CtyType type = CtyType.listOf(CtyType.ObjectOf.of("name", CtyType.STRING));
    WireFormatException e = fails("92 81 a4 6e 61 6d 65 a1 78 81 a4 6e 61 6d 65 01", type);
    assertEquals("a string is required, got a msgpack integer", e.getMessage());
    assertEquals(AttributePath.ROOT.index(1).then("name"), e.path());
    WireFormatException m = fails("81 a1 6b c3", CtyType.mapOf(CtyType.NUMBER));
    assertEquals(AttributePath.ROOT.key("k"), m.path());
  }

  @Test
  void tupleLengthMustMatch() {
    fails("91 a1 61", new CtyType.TupleOf(List.of(CtyType.STRING, CtyType.STRING)),
        "a tuple of 2 elements is required (1 given)");
  }

  @Test
  void extensionsOtherThanRefinementsMustBeAtMostOneByte() {
    fails("c7 03 07 01 02 03", CtyType.STRING, "unsupported extension type 7");
    fails("d5 ff 00 00", CtyType.STRING, "unsupported extension type -1");
  }

  @Test
  void oversizeRefinementPayload() {
    String payload = "00 ".repeat(1025);
    fails("c8 04 01 0c " + payload, CtyType.STRING,
        "oversize unknown value refinements (1025 bytes, at most 1024)");
  }

  @Test
  void refinementsInvalidForTheType() {
    fails("c7 05 0c 81 02 a2 61 62", CtyType.NUMBER,
        "invalid unknown value refinements: a string prefix refinement is only valid for strings");
    fails("c7 04 0c 81 03 92 00", CtyType.STRING,
        "invalid unknown value refinements: a number bound refinement is only valid for numbers");
    fails("c7 03 0c 81 05 01", CtyType.STRING,
        "invalid unknown value refinements: a length bound refinement is only valid for lists, sets and maps");
    fails("c7 03 0c 81 01 01", CtyType.STRING, "invalid unknown value refinements: the nullness refinement must be a bool");
    fails("c7 03 0c 91 01 c2", CtyType.STRING, "invalid unknown value refinements: a map is required, got a msgpack array");
    fails("c7 09 0c 82 03 92 05 c3 04 92 01 c3", CtyType.NUMBER,
        "invalid unknown value refinements: the number bounds admit no number");
  }

  @Test
  void unknownTypeNameInADynamicValue() {
    WireFormatException e = fails("92 c4 07 22 73 74 72 69 6e 22 c0", CtyType.DYNAMIC);
    assertEquals("unknown type name \"strin\"", e.getMessage());
    fails("93 c4 08 22 73 74 72 69 6e 67 22 c0 c0", CtyType.DYNAMIC,
        "a dynamic value must be a [type, value] array (3 elements given)");
    fails("92 01 c0", CtyType.DYNAMIC,
        "a dynamic value's type must be JSON in a bin or a string, got a msgpack integer");
  }

  @Test
  void numbersThatBigDecimalCannotHold() {
    fails("cb 7f f0 00 00 00 00 00 00", CtyType.NUMBER, "infinite numbers are not supported");
    fails("a4 2b 49 6e 66", CtyType.NUMBER, "infinite numbers are not supported");
    fails("cb 7f f8 00 00 00 00 00 00", CtyType.NUMBER, "NaN is not a number");
    fails("a8 31 65 39 39 39 39 39 39", CtyType.NUMBER, "numbers must lie within 1e-100000 and 1e100000");
  }

  @Test
  void messagesNeverContainTheValue() {
    // "hunter2" as a number, as a bool, and as a string that is not UTF-8.
    WireFormatException number = fails("a7 68 75 6e 74 65 72 32", CtyType.NUMBER);
    assertEquals("a number is required, got a string that is not a decimal number", number.getMessage());
    WireFormatException bool = fails("a7 68 75 6e 74 65 72 32", CtyType.BOOL);
    assertFalse(bool.getMessage().contains("hunter2"));
    fails("a2 c3 28", CtyType.STRING, "the string is not valid UTF-8");
  }

  @Test
  void encodingAValueOfTheWrongTypeIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> MsgpackValueCodec.encode(Value.string("x"), CtyType.NUMBER));
    assertThrows(IllegalArgumentException.class,
        () -> MsgpackValueCodec.encode(Value.nullOf(CtyType.STRING), CtyType.BOOL));
    assertThrows(IllegalArgumentException.class, () -> MsgpackValueCodec.encode(
        Value.ObjectVal.of(java.util.Map.of("a", Value.string("x"))), CtyType.ObjectOf.of("b", CtyType.STRING)));
    assertThrows(IllegalArgumentException.class, () -> MsgpackValueCodec.encode(
        new Value.ListVal(CtyType.STRING, List.of()), CtyType.listOf(CtyType.NUMBER)));
  }

  @Test
  void aLengthClaimedBeyondTheDataIsTruncatedBeforeAnythingIsAllocatedForIt() {
    fails("db 7f ff ff ff 61", CtyType.STRING, "the msgpack data is truncated"); // a 2 GiB string
    fails("92 db 7f ff ff ff", CtyType.DYNAMIC, "the msgpack data is truncated"); // a dynamic value's type JSON
    fails("92 c6 7f ff ff ff", CtyType.DYNAMIC, "the msgpack data is truncated");
    WireFormatException list = fails("dd 7f ff ff ff 01", CtyType.listOf(CtyType.NUMBER));
    assertEquals("the msgpack data is truncated", list.getMessage());
    assertEquals(AttributePath.ROOT, list.path(), "refused at the header, before reading any element");
  }

  @Test
  void aSetMustBeAnArray() {
    fails("a1 78", CtyType.setOf(CtyType.STRING), "a set is required, got a msgpack string");
  }

  @Test
  void deeplyNestedMapsAreRefused() {
    CtyType type = CtyType.STRING;
    for (int i = 0; i < 300; i++) {
      type = CtyType.mapOf(type);
    }
    assertEquals("the value is nested more than 256 levels deep",
        fails("81 a1 6b ".repeat(300) + "a1 78", type).getMessage());
  }

  @Test
  void boundsThatAdmitNothingAreRefused() {
    String noNumber = "invalid unknown value refinements: the number bounds admit no number";
    fails("c7 09 0c 82 03 92 02 c3 04 92 01 c3", CtyType.NUMBER, noNumber); // 2 <= x <= 1
    fails("c7 09 0c 82 03 92 01 c3 04 92 01 c2", CtyType.NUMBER, noNumber); // 1 <= x < 1
    fails("c7 09 0c 82 03 92 01 c2 04 92 01 c3", CtyType.NUMBER, noNumber); // 1 < x <= 1
    fails("c7 05 0c 82 05 03 06 02", CtyType.listOf(CtyType.STRING),
        "invalid unknown value refinements: the length bounds admit no length");
  }

  @Test
  void anObjectClaimingMoreAttributesThanTheDataHoldsIsTruncated() {
    fails("df 7f ff ff ff a1 61 a1 78", CtyType.ObjectOf.of("a", CtyType.STRING), "the msgpack data is truncated");
  }

  @Test
  void aTupleMustBeAnArray() {
    fails("a1 78", new CtyType.TupleOf(List.of(CtyType.STRING)), "a tuple is required, got a msgpack string");
  }

  @Test
  void nestingIsAllowedTo256LevelsAndRefusedBeyondInEveryKindOfCollection() throws WireFormatException {
    CtyType list = CtyType.BOOL;
    for (int i = 0; i < 256; i++) {
      list = CtyType.listOf(list);
    }
    assertEquals(Value.bool(true), innermost(MsgpackValueCodec.decode(Hex.bytes("91 ".repeat(256) + "c3"), list)));
    CtyType set = CtyType.BOOL;
    CtyType tuple = CtyType.BOOL;
    CtyType object = CtyType.BOOL;
    for (int i = 0; i < 300; i++) {
      set = CtyType.setOf(set);
      tuple = new CtyType.TupleOf(List.of(tuple));
      object = CtyType.ObjectOf.of("o", object);
    }
    String tooDeep = "the value is nested more than 256 levels deep";
    assertEquals(tooDeep, fails("91 ".repeat(257) + "c3", CtyType.listOf(list)).getMessage());
    assertEquals(tooDeep, fails("91 ".repeat(300) + "c3", set).getMessage());
    assertEquals(tooDeep, fails("91 ".repeat(300) + "c3", tuple).getMessage());
    assertEquals(tooDeep, fails("81 a1 6f ".repeat(300) + "c3", object).getMessage());
  }

  private static Value innermost(Value value) {
    return value instanceof Value.ListVal list ? innermost(list.elements().get(0)) : value;
  }

  @Test
  void aNumberStringIsParsedUpToTheDigitLimitAndRefusedUnparsedBeyondIt() {
    // str32 headers: 200010 (0x30d4a) characters, the limit, and one more.
    fails("db 00 03 0d 4a " + "31".repeat(Numbers.MAX_DIGITS), CtyType.NUMBER,
        "numbers must lie within 1e-100000 and 1e100000");
    fails("db 00 03 0d 4b " + "31".repeat(Numbers.MAX_DIGITS + 1), CtyType.NUMBER,
        "a number is required, got a string that is not a decimal number");
  }

  @Test
  void anElementOfTheWrongTypeIsNamedByItsIndexWhenEncoding() {
    Value set = new Value.SetVal(CtyType.STRING, new java.util.LinkedHashSet<>(List.of(Value.string("a"),
        Value.number(1))));
    assertEquals("a value of type \"number\" cannot be encoded as \"string\" at [1]", assertThrows(
        IllegalArgumentException.class, () -> MsgpackValueCodec.encode(set, CtyType.setOf(CtyType.STRING)))
        .getMessage());
  }

  @Test
  void deeplyNestedDynamicValuesAreRefused() {
    // ["dynamic", ["dynamic", … ]] nests without a schema bound.
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      hex.append("92 c4 09 22 64 79 6e 61 6d 69 63 22 ");
    }
    hex.append("c0");
    assertEquals("the value is nested more than 256 levels deep", fails(hex.toString(), CtyType.DYNAMIC).getMessage());
  }
}
