package io.pyvider.adapters.grpc.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pyvider.domain.terraform.cty.CtyType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeJsonTest {

  @Test
  void primitivesAndDynamic() throws WireFormatException {
    assertEquals(CtyType.STRING, TypeJson.parse("\"string\""));
    assertEquals(CtyType.NUMBER, TypeJson.parse("\"number\""));
    assertEquals(CtyType.BOOL, TypeJson.parse(" \"bool\" "));
    assertEquals(CtyType.DYNAMIC, TypeJson.parse("\"dynamic\""));
  }

  @Test
  void collectionsAndStructuralTypes() throws WireFormatException {
    assertEquals(CtyType.listOf(CtyType.STRING), TypeJson.parse("[\"list\",\"string\"]"));
    assertEquals(CtyType.setOf(CtyType.NUMBER), TypeJson.parse("[\"set\",\"number\"]"));
    assertEquals(CtyType.mapOf(CtyType.listOf(CtyType.BOOL)), TypeJson.parse("[\"map\",[\"list\",\"bool\"]]"));
    assertEquals(new CtyType.TupleOf(List.of(CtyType.STRING, CtyType.DYNAMIC)),
        TypeJson.parse("[\"tuple\",[\"string\",\"dynamic\"]]"));
    assertEquals(new CtyType.TupleOf(List.of()), TypeJson.parse("[\"tuple\",[]]"));
    assertEquals(CtyType.ObjectOf.of("a", CtyType.STRING, "b", CtyType.NUMBER),
        TypeJson.parse("[\"object\",{\"b\":\"number\",\"a\":\"string\"}]"));
    assertEquals(new CtyType.ObjectOf(Map.of("a", CtyType.STRING, "b", CtyType.NUMBER), Set.of("b")),
        TypeJson.parse("[\"object\",{\"a\":\"string\",\"b\":\"number\"},[\"b\"]]"));
  }

  @Test
  void parsesWhatToJsonRenders() throws WireFormatException {
    CtyType type = new CtyType.ObjectOf(Map.of(
        "x y", CtyType.mapOf(new CtyType.TupleOf(List.of(CtyType.BOOL, CtyType.setOf(CtyType.DYNAMIC)))),
        "q\"uote", CtyType.listOf(CtyType.ObjectOf.of())), Set.of("x y"));
    assertEquals(type, TypeJson.parse(type.toJson()));
  }

  @Test
  void deeplyNestedTypesAreRefusedWithoutOverflowingTheStack() throws WireFormatException {
    String deep = "[\"list\",".repeat(5000) + "\"string\"" + "]".repeat(5000);
    assertEquals("the type description is nested too deeply or too long",
        assertThrows(WireFormatException.class, () -> TypeJson.parse(deep)).getMessage());
    String fine = "[\"list\",".repeat(300) + "\"string\"" + "]".repeat(300);
    assertEquals(fine, TypeJson.parse(fine).toJson());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"strin\"                          | unknown type name \"strin\"",
      "[\"lisst\",\"string\"]             | unknown type kind \"lisst\"",
      "[\"list\",\"string\",\"extra\"]    | unexpected extra data in the list type description",
      "[\"object\",{},[\"a\"]]            | optional attribute \"a\" is not an attribute of the object type",
      "[\"object\",{},[],1]               | unexpected extra data in the object type description",
      "[\"tuple\",\"string\"]             | invalid tuple type description: an array of element types is required",
      "[1]                                | invalid type description: a type kind name is required",
      "42                                 | invalid type description: a type name or a [kind, …] array is required",
      "\"string\" \"number\"              | unexpected data after the type description",
      "[\"list\"                          | the type description is not valid JSON",
      "''                                 | the type description is empty",
  })
  void errors(String json, String message) {
    WireFormatException e = assertThrows(WireFormatException.class, () -> TypeJson.parse(json));
    assertEquals(message, e.getMessage());
  }

  @Test
  void namesInMessagesAreQuotedWithControlCharactersEscapedAndCutAfter64() {
    assertEquals("\"a b\"", TypeJson.quote("a b"));
    assertEquals("\"a\\u001fb\\u007f\"", TypeJson.quote("a\u001fb\u007f"));
    assertEquals("\"" + "x".repeat(64) + "\"", TypeJson.quote("x".repeat(64)));
    assertEquals("\"" + "x".repeat(64) + "\u2026\"", TypeJson.quote("x".repeat(65)));
  }
}
