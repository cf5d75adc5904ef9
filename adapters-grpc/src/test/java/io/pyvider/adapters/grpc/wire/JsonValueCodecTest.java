package io.pyvider.adapters.grpc.wire;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fuzz.HostileInput;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueCodecTest {

  private static final CtyType.ObjectOf OBJECT =
      CtyType.ObjectOf.of("a", CtyType.STRING, "b", CtyType.NUMBER, "c", CtyType.listOf(CtyType.BOOL));

  private static Value decode(String json, CtyType type) throws WireFormatException {
    return JsonValueCodec.decode(json.getBytes(StandardCharsets.UTF_8), type);
  }

  private static String encode(Value value, CtyType type) {
    return new String(JsonValueCodec.encode(value, type), StandardCharsets.UTF_8);
  }

  private static WireFormatException fails(String json, CtyType type) {
    return assertThrows(WireFormatException.class, () -> decode(json, type));
  }

  @Test
  void missingAttributesDecodeAsNull() throws WireFormatException {
    Value v = decode("{\"a\":\"x\"}", OBJECT);
    assertEquals(Value.ObjectVal.of(Map.of("a", Value.string("x"), "b", Value.nullOf(CtyType.NUMBER),
        "c", Value.nullOf(CtyType.listOf(CtyType.BOOL)))), v);
  }

  @Test
  void unknownAttributeIsAnError() {
    WireFormatException e = fails("{\"a\":\"x\",\"zz\":1}", OBJECT);
    assertEquals("unsupported attribute \"zz\"", e.getMessage());
    assertEquals(AttributePath.ROOT, e.path());
    WireFormatException nested = fails("{\"o\":{\"zz\":1}}", CtyType.ObjectOf.of("o", OBJECT));
    assertEquals(AttributePath.attribute("o"), nested.path());
  }

  @Test
  void bigNumbersAreExact() throws WireFormatException {
    String text = "123456789012345678901234567890.000000000000000000001";
    assertEquals(Value.number(new BigDecimal(text)), decode(text, CtyType.NUMBER));
    assertEquals(text, encode(Value.number(new BigDecimal(text)), CtyType.NUMBER));
    assertEquals("1" + "0".repeat(400), encode(Value.number(new BigDecimal("1e400")), CtyType.NUMBER));
    assertEquals(Value.number(new BigDecimal("1e400")), decode("1" + "0".repeat(400), CtyType.NUMBER));
    assertEquals("0.1", encode(Value.number(new BigDecimal("0.1")), CtyType.NUMBER));
    assertEquals(Value.number(new BigDecimal("1e-30")), decode("1e-30", CtyType.NUMBER));
    assertEquals(Value.number(new BigDecimal("2.5")), decode("\"2.5\"", CtyType.NUMBER));
  }

  /** Found by JsonDecodeFuzzTest: Jackson's getDecimalValue threw NumberFormatException, a decoder failure. */
  @Test
  void numbersWhoseExponentOverflowsAnIntAreOutOfRangeNotADecoderFailure() throws WireFormatException {
    for (String json : List.of("9e9555555555", "1e-9999999999", "[\"1e9999999999\"]")) {
      CtyType type = json.startsWith("[") ? CtyType.listOf(CtyType.NUMBER) : CtyType.NUMBER;
      assertEquals("numbers must lie within 1e-100000 and 1e100000", fails(json, type).getMessage(), json);
    }
    assertEquals(Value.number(0), decode("0e9999999999", CtyType.NUMBER));
    assertEquals(Value.number(0), decode("-0.000e-99999999999", CtyType.NUMBER));
  }

  /**
   * cty writes a number like 1e100000 out in full, as 100,001 digits. Java 17's stripTrailingZeros, which making it a
   * value ran, allocated gigabytes (and took seconds) for it; found by JsonDecodeFuzzTest as a slow input.
   */
  @Test
  void aNumberWrittenWithAHundredThousandZerosDecodesInLittleMemory() throws WireFormatException {
    byte[] written = ("1" + "0".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
    long before = HostileInput.allocatedBytes();
    Value decoded = JsonValueCodec.decode(written, CtyType.NUMBER);
    long allocated = HostileInput.allocatedBytes() - before;
    assertEquals(Value.number(new BigDecimal("1e100000")), decoded);
    assertTrue(allocated < 64L << 20, "decoding allocated " + allocated + " bytes");
  }

  /**
   * Found by JsonDecodeFuzzTest: a lone surrogate escape was kept, so the value was no Unicode text and reached
   * Terraform changed (msgpack writes {@code ?} for it). Go's JSON decoder, and so cty, reads it as U+FFFD.
   */
  @Test
  void halfASurrogatePairReadsAsTheReplacementCharacterAsCtyReadsIt() throws WireFormatException {
    Value text = decode("\"h\\uD83D\\uD000 \\uDE00\"", CtyType.STRING);
    assertEquals(Value.string("h\uFFFD\uD000 \uFFFD"), text);
    assertEquals(text, MsgpackValueCodec.decode(MsgpackValueCodec.encode(text, CtyType.STRING), CtyType.STRING));
    assertEquals(Value.string("\uD83D\uDE00"), decode("\"\\uD83D\\uDE00\"", CtyType.STRING), "a whole pair");
    // In a dynamic value written before its type, which is copied and then read.
    assertEquals(Value.string("\uFFFD"), decode("{\"value\":\"\\uD800\",\"type\":\"string\"}", CtyType.DYNAMIC));
  }

  @Test
  void objectsAreWrittenSortedWithEveryAttribute() {
    Value v = Value.ObjectVal.of(Map.of("c", Value.nullOf(CtyType.listOf(CtyType.BOOL)), "b", Value.number(3),
        "a", Value.string("x\"y")));
    assertEquals("{\"a\":\"x\\\"y\",\"b\":3,\"c\":null}", encode(v, OBJECT));
  }

  @Test
  void dynamicValuesCarryTheirType() throws WireFormatException {
    Value list = new Value.ListVal(CtyType.STRING, List.of(Value.string("a")));
    assertEquals("{\"value\":[\"a\"],\"type\":[\"list\",\"string\"]}", encode(list, CtyType.DYNAMIC));
    assertEquals(list, decode("{\"value\":[\"a\"],\"type\":[\"list\",\"string\"]}", CtyType.DYNAMIC));
    assertEquals(list, decode("{\"type\":[\"list\",\"string\"],\"value\":[\"a\"]}", CtyType.DYNAMIC));
    assertEquals(Value.nullOf(CtyType.DYNAMIC), decode("null", CtyType.DYNAMIC));
    assertEquals(Value.nullOf(CtyType.STRING), decode("{\"value\":null,\"type\":\"string\"}", CtyType.DYNAMIC));
    assertEquals("null", encode(Value.nullOf(CtyType.DYNAMIC), CtyType.DYNAMIC));
    // Numbers inside a deferred value keep full precision.
    assertEquals(Value.number(new BigDecimal("0.1000000000000000000000001")),
        decode("{\"value\":0.1000000000000000000000001,\"type\":\"number\"}", CtyType.DYNAMIC));
  }

  @Test
  void dynamicValueErrors() {
    assertEquals("missing type in a dynamically-typed value", fails("{\"value\":1}", CtyType.DYNAMIC).getMessage());
    assertEquals("missing value in a dynamically-typed value",
        fails("{\"type\":\"string\"}", CtyType.DYNAMIC).getMessage());
    assertEquals("invalid key \"x\" in a dynamically-typed value",
        fails("{\"x\":1}", CtyType.DYNAMIC).getMessage());
    assertEquals("unknown type name \"strin\"",
        fails("{\"value\":\"a\",\"type\":\"strin\"}", CtyType.DYNAMIC).getMessage());
  }

  @Test
  void primitiveConversionsMatchCty() throws WireFormatException {
    assertEquals(Value.string("1.50"), decode("1.50", CtyType.STRING));
    assertEquals(Value.string("true"), decode("true", CtyType.STRING));
    assertEquals(Value.bool(true), decode("\"true\"", CtyType.BOOL));
    assertEquals(Value.bool(false), decode("\"0\"", CtyType.BOOL));
    assertEquals("a bool is required, got a JSON string that is not \"true\" or \"false\"",
        fails("\"yes\"", CtyType.BOOL).getMessage());
  }

  @Test
  void wrongJsonTypes() {
    assertEquals("a string is required, got a JSON array", fails("[]", CtyType.STRING).getMessage());
    assertEquals("a number is required, got a JSON boolean", fails("true", CtyType.NUMBER).getMessage());
    assertEquals("a list is required, got a JSON object", fails("{}", CtyType.listOf(CtyType.STRING)).getMessage());
    assertEquals("an object is required, got a JSON array", fails("[]", OBJECT).getMessage());
    assertEquals("a tuple of 2 elements is required (1 given)",
        fails("[1]", new CtyType.TupleOf(List.of(CtyType.NUMBER, CtyType.NUMBER))).getMessage());
    assertEquals("a tuple of 1 elements is required (more given)",
        fails("[1,2]", new CtyType.TupleOf(List.of(CtyType.NUMBER))).getMessage());
    WireFormatException path = fails("{\"c\":[true,1]}", OBJECT);
    assertEquals(AttributePath.attribute("c").index(1), path.path());
  }

  @Test
  void malformedJsonNeverQuotesTheInput() {
    WireFormatException e = fails("{\"a\": hunter2}", OBJECT);
    assertTrue(e.getMessage().startsWith("invalid JSON at line 1, column "), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
    assertEquals("a number is required, got a string that is not a decimal number",
        fails("\"hunter2\"", CtyType.NUMBER).getMessage());
    assertEquals("unexpected data after the JSON value", fails("{} {}", OBJECT).getMessage());
    assertEquals("the JSON document is empty", fails("  ", OBJECT).getMessage());
    assertTrue(fails("{\"a\":\"x\"", OBJECT).getMessage().startsWith("invalid JSON"));
  }

  @Test
  void deeplyNestedDynamicJsonIsRefused() {
    String deep = "{\"type\":\"dynamic\",\"value\":".repeat(400) + "null" + "}".repeat(400);
    assertEquals("the value is nested more than 256 levels deep", fails(deep, CtyType.DYNAMIC).getMessage());
    // The value comes first, so the decoder must buffer it: the parser's own nesting limit applies.
    String brackets = "{\"value\":" + "[".repeat(20000) + "]".repeat(20000) + ",\"type\":\"string\"}";
    assertEquals("the JSON is nested too deeply or holds an over-long token",
        fails(brackets, CtyType.DYNAMIC).getMessage());
  }

  /**
   * cty writes a dynamic value's "value" before its "type", so the decoder copies the value until the type is known.
   * Nested in one another, every level copied the whole rest again and held it while the next did: 200 levels around
   * 1 MB allocated 1.9 GB (3 s), and a 256 MiB message (gRPC's bound) could take hundreds of gigabytes. Copies now
   * stop at four times the input plus 16 MiB. Terraform nests them only around a null, which copies next to nothing.
   * Found reading the codec for what the fuzzer's small inputs cannot show.
   */
  @Test
  void dynamicValuesNestedValueFirstCopyAtMostFourTimesTheInput() {
    String json = "\"" + "x".repeat(1 << 20) + "\"";
    json = "{\"value\":" + json + ",\"type\":\"string\"}";
    for (int level = 1; level < 200; level++) {
      json = "{\"value\":" + json + ",\"type\":\"dynamic\"}";
    }
    long before = HostileInput.allocatedBytes();
    WireFormatException refused = fails(json, CtyType.DYNAMIC);
    long allocated = HostileInput.allocatedBytes() - before;
    assertEquals("dynamically-typed values written value first are nested so deeply that reading them would copy "
        + "more than four times the input", refused.getMessage());
    assertTrue(allocated < 512L << 20, "decoding allocated " + allocated + " bytes"); // 1.9 GB before
    assertEquals(Value.nullOf(CtyType.DYNAMIC),
        assertDoesNotThrow(() -> decode("{\"value\":{\"value\":null,\"type\":\"dynamic\"},\"type\":\"dynamic\"}",
            CtyType.DYNAMIC)));
  }

  @Test
  void nestingIsAllowedTo256LevelsAndRefusedBeyond() throws WireFormatException {
    CtyType type = CtyType.BOOL;
    for (int i = 0; i < 256; i++) {
      type = CtyType.listOf(type);
    }
    assertTrue(decode("[".repeat(256) + "true" + "]".repeat(256), type).isKnown());
    assertEquals("the value is nested more than 256 levels deep",
        fails("[".repeat(257) + "true" + "]".repeat(257), CtyType.listOf(type)).getMessage());
  }

  @Test
  void aDynamicValueWrittenBeforeItsTypeStillCountsItsNesting() {
    String deep = "{\"value\":".repeat(300) + "null" + ",\"type\":\"dynamic\"}".repeat(300);
    assertEquals("the value is nested more than 256 levels deep", fails(deep, CtyType.DYNAMIC).getMessage());
  }

  @Test
  void aDynamicValueWrittenBeforeItsTypeKeepsBooleansAndNulls() throws WireFormatException {
    assertEquals(Value.bool(true), decode("{\"value\":true,\"type\":\"bool\"}", CtyType.DYNAMIC));
    assertEquals(Value.bool(false), decode("{\"value\":false,\"type\":\"bool\"}", CtyType.DYNAMIC));
    assertEquals(new Value.ListVal(CtyType.BOOL, List.of(Value.bool(true), Value.nullOf(CtyType.BOOL))),
        decode("{\"value\":[true,null],\"type\":[\"list\",\"bool\"]}", CtyType.DYNAMIC));
  }

  @Test
  void malformedJsonIsReportedInTheValueBeingRead() {
    CtyType type = CtyType.ObjectOf.of("outer", CtyType.ObjectOf.of("flag", CtyType.BOOL));
    WireFormatException e = fails("{\"outer\": {\"flag\": tru}}", type);
    assertTrue(e.getMessage().startsWith("invalid JSON at line 1, column "), e.getMessage());
    assertEquals(AttributePath.attribute("outer"), e.path(), "the object whose attribute did not parse");
  }

  @Test
  void numbersKeepTheirExactValueUpToTheExponentLimits() throws WireFormatException {
    // 123e-99999 is 1.23e-99997: inside the limit, though its scale alone is almost 100000.
    assertEquals(Value.number(new BigDecimal("123e-99999")), decode("123e-99999", CtyType.NUMBER));
    assertEquals(Value.number(new BigDecimal("1e100000")), decode("1e100000", CtyType.NUMBER));
    assertEquals(Value.number(new BigDecimal("1e-100000")), decode("1e-100000", CtyType.NUMBER));
    assertEquals("numbers must lie within 1e-100000 and 1e100000", fails("1e100001", CtyType.NUMBER).getMessage());
  }

  @Test
  void anUnknownValueCannotBeWrittenAndTheMessageSaysWhere() {
    IllegalArgumentException nested = assertThrows(IllegalArgumentException.class, () -> encode(
        new Value.ListVal(CtyType.STRING, List.of(Value.string("a"), Value.unknown(CtyType.STRING))),
        CtyType.listOf(CtyType.STRING)));
    assertEquals("an unknown value cannot be encoded as JSON (at [1])", nested.getMessage());
    assertEquals("an unknown value cannot be encoded as JSON", assertThrows(IllegalArgumentException.class,
        () -> encode(Value.unknown(CtyType.STRING), CtyType.STRING)).getMessage());
  }

  @Test
  void unknownValuesCannotBeWritten() {
    assertThrows(IllegalArgumentException.class, () -> encode(Value.unknown(CtyType.STRING), CtyType.STRING));
    Value nested = Value.ObjectVal.of(Map.of("a", Value.unknown(CtyType.STRING), "b", Value.nullOf(CtyType.NUMBER),
        "c", Value.nullOf(CtyType.listOf(CtyType.BOOL))));
    assertThrows(IllegalArgumentException.class, () -> encode(nested, OBJECT));
    assertThrows(IllegalArgumentException.class, () -> encode(Value.bool(true), CtyType.STRING));
  }

  @Test
  void everyKindOfValueIsWrittenAsCtyWritesItEvenWhenNested() {
    CtyType pair = new CtyType.TupleOf(List.of(CtyType.STRING, CtyType.BOOL));
    CtyType type = CtyType.ObjectOf.of("flags", CtyType.setOf(CtyType.BOOL), "pair", pair,
        "tags", CtyType.mapOf(CtyType.STRING), "any", CtyType.DYNAMIC, "rows", CtyType.listOf(CtyType.ObjectOf.of(
            "n", CtyType.NUMBER)));
    Value value = Value.ObjectVal.of(Map.of(
        "flags", new Value.SetVal(CtyType.BOOL, java.util.Set.of(Value.bool(false))),
        "pair", new Value.TupleVal(List.of(Value.string("x"), Value.bool(true))),
        "tags", Value.MapVal.of(CtyType.STRING, Map.of("k", Value.string("v"))),
        "any", Value.MapVal.of(CtyType.NUMBER, Map.of("one", Value.number(1))),
        "rows", new Value.ListVal(CtyType.ObjectOf.of("n", CtyType.NUMBER), List.of(
            Value.ObjectVal.of(Map.of("n", Value.number(1))), Value.ObjectVal.of(Map.of("n", Value.number(2)))))));

    assertEquals("{\"any\":{\"value\":{\"one\":1},\"type\":[\"map\",\"number\"]},\"flags\":[false],"
        + "\"pair\":[\"x\",true],\"rows\":[{\"n\":1},{\"n\":2}],\"tags\":{\"k\":\"v\"}}", encode(value, type));
  }

  @Test
  void anElementOfTheWrongTypeIsNamedByItsIndexWhenEncoding() {
    Value set = new Value.SetVal(CtyType.STRING, new java.util.LinkedHashSet<>(List.of(Value.string("a"),
        Value.number(1))));
    assertEquals("a value of type \"number\" cannot be encoded as \"string\" at [1]", assertThrows(
        IllegalArgumentException.class, () -> encode(set, CtyType.setOf(CtyType.STRING))).getMessage());
  }

  @Test
  void loneSurrogatesBecomeReplacementCharactersWhereverTheyStandAndPairsStay() throws WireFormatException {
    String pair = "\ud83d\ude00";
    assertEquals(Value.string("a\ufffdb"), decode("\"a\\ud800b\"", CtyType.STRING));
    assertEquals(Value.string("\ufffdb"), decode("\"\\udc00b\"", CtyType.STRING));
    assertEquals(Value.string("x\ufffd"), decode("\"x\\ud800\"", CtyType.STRING), "a high surrogate at the end");
    assertEquals(Value.string(pair + "\ufffd"), decode("\"\\ud83d\\ude00\\udc00\"", CtyType.STRING));
    assertEquals(Value.string("\ufffd" + pair + "\ufffd"),
        decode("\"\\ud800\\ud83d\\ude00\\ud800\"", CtyType.STRING), "pairs after a lone one stay whole");
    assertEquals(Value.string(pair), decode("\"\\ud83d\\ude00\"", CtyType.STRING));
  }

  @Test
  void aDynamicValueMustBeAValueTypeObject() {
    assertEquals("a {\"value\":…,\"type\":…} object for a dynamic value is required, got a JSON string",
        fails("\"x\"", CtyType.DYNAMIC).getMessage());
  }

  @Test
  void aDynamicValueWrittenBeforeItsTypeKeepsItsNestedStructure() throws WireFormatException {
    CtyType rows = CtyType.listOf(CtyType.listOf(CtyType.NUMBER));
    assertEquals(new Value.ListVal(CtyType.listOf(CtyType.NUMBER), List.of(
        new Value.ListVal(CtyType.NUMBER, List.of(Value.number(1))),
        new Value.ListVal(CtyType.NUMBER, List.of(Value.number(2))))),
        decode("{\"value\":[[1],[2]],\"type\":[\"list\",[\"list\",\"number\"]]}", CtyType.DYNAMIC));
    assertEquals(rows, decode("{\"value\":[[1],[2]],\"type\":[\"list\",[\"list\",\"number\"]]}", CtyType.DYNAMIC)
        .type());
  }

  @Test
  void setsCollapseDuplicatesAndMapsKeepKeys() throws WireFormatException {
    assertEquals(1, decode("[\"a\",\"a\"]", CtyType.setOf(CtyType.STRING)).length());
    assertEquals(Value.MapVal.of(CtyType.NUMBER, Map.of("x", Value.number(1), "y", Value.number(2))),
        decode("{\"y\":2,\"x\":1}", CtyType.mapOf(CtyType.NUMBER)));
    assertEquals("{\"x\":1,\"y\":2}",
        encode(Value.MapVal.of(CtyType.NUMBER, Map.of("y", Value.number(2), "x", Value.number(1))),
            CtyType.mapOf(CtyType.NUMBER)));
  }
}
