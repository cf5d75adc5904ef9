package io.pyvider.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Whether a component's answer has the schema's shape ("conforms to schema"): the first mismatch, at the path of the
 * offending element, inside lists, sets, maps, tuples and objects; nulls and unknowns conform to any type.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ValueConformanceTest {

  private static final AttributePath ROOT = AttributePath.ROOT;

  private static Optional<String> problem(Value value, CtyType type) {
    return ValueConformance.problem(value, type, AttributePath.attribute("a"));
  }

  @Test
  void the_first_wrong_element_of_a_list_is_named_by_its_index() {
    Value list = new Value.ListVal(CtyType.DYNAMIC, List.of(Value.string("ok"), Value.number(1), Value.bool(true)));

    assertEquals(Optional.of("a[1]: \"string\" is required, got \"number\""),
        problem(list, CtyType.listOf(CtyType.STRING)));
    assertEquals(Optional.empty(), problem(new Value.ListVal(CtyType.STRING, List.of(Value.string("x"),
        Value.nullOf(CtyType.STRING), Value.unknown(CtyType.STRING))), CtyType.listOf(CtyType.STRING)));
  }

  @Test
  void a_wrong_element_of_a_set_is_named_at_the_set() {
    Value set = new Value.SetVal(CtyType.DYNAMIC, new LinkedHashSet<>(List.of(Value.string("x"), Value.bool(true))));

    assertEquals(Optional.of("a: \"string\" is required, got \"bool\""), problem(set, CtyType.setOf(CtyType.STRING)));
    assertEquals(Optional.empty(), problem(new Value.SetVal(CtyType.STRING,
        new LinkedHashSet<>(List.of(Value.string("x")))), CtyType.setOf(CtyType.STRING)));
  }

  @Test
  void a_wrong_value_of_a_map_is_named_by_its_key() {
    Value map = Value.MapVal.of(CtyType.DYNAMIC, Map.of("fine", Value.string("x"), "wrong", Value.number(2)));

    assertEquals(Optional.of("a[\"wrong\"]: \"string\" is required, got \"number\""),
        problem(map, CtyType.mapOf(CtyType.STRING)));
  }

  @Test
  void a_tuple_needs_its_length_and_each_element_its_own_type() {
    CtyType pair = new CtyType.TupleOf(List.of(CtyType.STRING, CtyType.NUMBER));

    assertEquals(Optional.of("a: a tuple of 2 elements is required"),
        problem(new Value.TupleVal(List.of(Value.string("x"))), pair));
    assertEquals(Optional.of("a[1]: \"number\" is required, got \"string\""),
        problem(new Value.TupleVal(List.of(Value.string("x"), Value.string("y"))), pair));
    assertEquals(Optional.empty(), problem(new Value.TupleVal(List.of(Value.string("x"), Value.number(1))), pair));
  }

  @Test
  void an_object_needs_exactly_the_schemas_attributes_and_each_its_type() {
    CtyType.ObjectOf type = CtyType.ObjectOf.of("host", CtyType.STRING, "port", CtyType.NUMBER);

    assertEquals(Optional.of("attributes [host] do not match the schema's [host, port]"), ValueConformance.problem(
        Value.ObjectVal.of(Map.of("host", Value.string("h"))), type, ROOT));
    assertEquals(Optional.of("port: \"number\" is required, got \"bool\""), ValueConformance.problem(
        Value.ObjectVal.of(Map.of("host", Value.string("h"), "port", Value.bool(false))), type, ROOT));
  }

  @Test
  void a_collection_where_another_kind_is_required_is_a_mismatch_of_types() {
    assertEquals(Optional.of("a: [\"list\",\"string\"] is required, got [\"set\",\"string\"]"), problem(
        new Value.SetVal(CtyType.STRING, new LinkedHashSet<>(List.of(Value.string("x")))),
        CtyType.listOf(CtyType.STRING)));
  }
}
