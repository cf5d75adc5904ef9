package io.pyvider.domain.terraform.cty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CtyTypeTest {

  @Test
  void primitives_are_json_strings() {
    assertEquals("\"string\"", CtyType.STRING.toJson());
    assertEquals("\"number\"", CtyType.NUMBER.toJson());
    assertEquals("\"bool\"", CtyType.BOOL.toJson());
    assertEquals("string", CtyType.Primitive.STRING.typeName());
  }

  @Test
  void the_dynamic_pseudo_type_is_the_string_dynamic() {
    assertEquals("\"dynamic\"", CtyType.DYNAMIC.toJson());
  }

  @Test
  void collections_are_a_kind_and_an_element_type() {
    assertEquals("[\"list\",\"string\"]", CtyType.listOf(CtyType.STRING).toJson());
    assertEquals("[\"set\",\"number\"]", CtyType.setOf(CtyType.NUMBER).toJson());
    assertEquals("[\"map\",\"bool\"]", CtyType.mapOf(CtyType.BOOL).toJson());
    assertEquals("[\"list\",[\"map\",\"dynamic\"]]", CtyType.listOf(CtyType.mapOf(CtyType.DYNAMIC)).toJson());
  }

  @Test
  void a_tuple_lists_its_element_types_in_order() {
    assertEquals("[\"tuple\",[\"string\",\"number\",[\"set\",\"bool\"]]]",
        new CtyType.TupleOf(List.of(CtyType.STRING, CtyType.NUMBER, CtyType.setOf(CtyType.BOOL))).toJson());
    assertEquals("[\"tuple\",[]]", new CtyType.TupleOf(List.of()).toJson());
  }

  @Test
  void an_object_lists_its_attributes_sorted_by_name() {
    assertEquals("[\"object\",{\"a\":\"number\",\"b\":\"string\",\"c\":[\"list\",\"bool\"]}]",
        CtyType.ObjectOf.of("c", CtyType.listOf(CtyType.BOOL), "b", CtyType.STRING, "a", CtyType.NUMBER).toJson());
    assertEquals("[\"object\",{}]", new CtyType.ObjectOf(Map.of()).toJson());
  }

  @Test
  void an_object_with_optional_attributes_lists_them_sorted_after_the_attributes() {
    CtyType.ObjectOf type = new CtyType.ObjectOf(
        Map.of("name", CtyType.STRING, "size", CtyType.NUMBER, "tags", CtyType.mapOf(CtyType.STRING)),
        Set.of("tags", "size"));

    assertEquals("[\"object\",{\"name\":\"string\",\"size\":\"number\",\"tags\":[\"map\",\"string\"]},"
        + "[\"size\",\"tags\"]]", type.toJson());
  }

  @Test
  void attribute_names_are_escaped() {
    CtyType.ObjectOf type = new CtyType.ObjectOf(Map.of("q\"uote", CtyType.STRING, "back\\slash", CtyType.BOOL,
        "new\nline", CtyType.NUMBER, "ctl\u001f", CtyType.STRING), Set.of("q\"uote"));

    assertEquals("[\"object\",{\"back\\\\slash\":\"bool\",\"ctl\\u001f\":\"string\",\"new\\nline\":\"number\","
        + "\"q\\\"uote\":\"string\"},[\"q\\\"uote\"]]", type.toJson());
  }

  @Test
  void an_optional_attribute_must_be_an_attribute() {
    assertThrows(IllegalArgumentException.class,
        () -> new CtyType.ObjectOf(Map.of("a", CtyType.STRING), Set.of("b")));
  }

  @Test
  void equal_types_are_interchangeable() {
    assertEquals(CtyType.listOf(CtyType.STRING), new CtyType.ListOf(CtyType.STRING));
    assertEquals(CtyType.ObjectOf.of("a", CtyType.STRING, "b", CtyType.NUMBER),
        new CtyType.ObjectOf(Map.of("b", CtyType.NUMBER, "a", CtyType.STRING)));
    assertNotEquals(CtyType.listOf(CtyType.STRING), CtyType.setOf(CtyType.STRING));
    assertNotEquals(new CtyType.ObjectOf(Map.of("a", CtyType.STRING)),
        new CtyType.ObjectOf(Map.of("a", CtyType.STRING), Set.of("a")));
  }

  @Test
  void collection_types_need_an_element_type() {
    assertThrows(NullPointerException.class, () -> CtyType.listOf(null));
    assertThrows(NullPointerException.class, () -> CtyType.setOf(null));
    assertThrows(NullPointerException.class, () -> CtyType.mapOf(null));
  }
}
