package io.pyvider.domain.terraform.cty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ValueTest {

  private static Value.ObjectVal object(Map<String, Value> attributes) {
    return Value.ObjectVal.of(attributes);
  }

  @Nested
  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  class printing {

    @Test
    void a_string_and_every_value_holding_one_print_without_the_text() {
      String token = "token-5b0f6a4e-3d55-4c1e-9b7a-2f1f0c7d9e11";
      Value.ObjectVal holder = object(Map.of("token", Value.string(token),
          "keys", Value.MapVal.of(CtyType.STRING, Map.of("k", Value.string(token))),
          "list", new Value.ListVal(CtyType.STRING, java.util.List.of(Value.string(token)))));

      for (Value value : java.util.List.of(Value.string(token), holder)) {
        org.junit.jupiter.api.Assertions.assertFalse(value.toString().contains(token), value.toString());
        org.junit.jupiter.api.Assertions.assertFalse(value.toString().contains("5b0f6a4e"), value.toString());
      }
      assertTrue(Value.string(token).toString().contains(token.length() + " chars"));
    }
  }

  @Nested
  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  class null_and_unknown {

    @Test
    void a_null_value_is_null_and_known() {
      Value nothing = Value.nullOf(CtyType.STRING);

      assertTrue(nothing.isNull());
      assertTrue(nothing.isKnown());
      assertTrue(nothing.isWhollyKnown());
      assertEquals(CtyType.STRING, nothing.type());
    }

    @Test
    void an_unknown_value_is_not_null_and_not_known() {
      Value later = Value.unknown(CtyType.NUMBER);

      assertFalse(later.isNull());
      assertFalse(later.isKnown());
      assertFalse(later.isWhollyKnown());
      assertEquals(CtyType.NUMBER, later.type());
    }

    @Test
    void a_known_value_is_neither_null_nor_unknown() {
      Value known = Value.string("x");

      assertFalse(known.isNull());
      assertTrue(known.isKnown());
      assertTrue(known.isWhollyKnown());
    }

    @Test
    void null_and_unknown_of_the_same_type_are_different_values() {
      assertNotEquals(Value.nullOf(CtyType.STRING), Value.unknown(CtyType.STRING));
    }

    @Test
    void nulls_of_different_types_are_different_values() {
      assertNotEquals(Value.nullOf(CtyType.STRING), Value.nullOf(CtyType.NUMBER));
      Value built = Value.nullOf(new CtyType.ListOf(CtyType.BOOL));
      assertEquals(Value.nullOf(CtyType.listOf(CtyType.BOOL)), built);
    }

    @Test
    void a_known_collection_holding_an_unknown_is_known_but_not_wholly_known() {
      Value list = new Value.ListVal(CtyType.STRING, List.of(Value.string("a"), Value.unknown(CtyType.STRING)));

      assertTrue(list.isKnown());
      assertFalse(list.isWhollyKnown());
    }

    @Test
    void an_unknown_deep_inside_an_object_makes_the_object_not_wholly_known() {
      Value deep = object(Map.of(
          "name", Value.string("n"),
          "inner", object(Map.of(
              "tags", Value.MapVal.of(CtyType.setOf(CtyType.NUMBER), Map.of(
                  "a", new Value.SetVal(CtyType.NUMBER, Set.of(Value.number(1), Value.unknown(CtyType.NUMBER)))))))));

      assertTrue(deep.isKnown());
      assertFalse(deep.isWhollyKnown());
    }

    @Test
    void nulls_inside_collections_and_objects_count_as_known() {
      Value withNulls = object(Map.of(
          "a", Value.nullOf(CtyType.STRING),
          "b", new Value.ListVal(CtyType.STRING, List.of(Value.nullOf(CtyType.STRING))),
          "c", new Value.TupleVal(List.of(Value.nullOf(CtyType.BOOL), Value.number(1)))));

      assertTrue(withNulls.isWhollyKnown());
      assertFalse(withNulls.isNull());
    }

    @Test
    void an_unknown_inside_a_tuple_or_map_makes_it_not_wholly_known() {
      assertFalse(new Value.TupleVal(List.of(Value.unknown(CtyType.BOOL))).isWhollyKnown());
      assertFalse(Value.MapVal.of(CtyType.STRING, Map.of("k", Value.unknown(CtyType.STRING))).isWhollyKnown());
    }
  }

  @Nested
  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  class refinements_of_unknowns {

    @Test
    void an_unknown_keeps_its_refinements() {
      Refinements prefix = Refinements.notNull().withStringPrefix("token-");

      Value.Unknown unknown = (Value.Unknown) Value.unknown(CtyType.STRING, prefix);

      assertEquals(prefix, unknown.refinements());
      assertNotEquals(Value.unknown(CtyType.STRING), unknown);
    }

    @Test
    void an_unknown_of_the_dynamic_type_drops_its_refinements() {
      Value.Unknown unknown = (Value.Unknown) Value.unknown(CtyType.DYNAMIC, Refinements.notNull());

      assertEquals(Refinements.NONE, unknown.refinements());
      assertEquals(Value.unknown(CtyType.DYNAMIC), unknown);
    }

    @Test
    void null_refinements_mean_none() {
      assertEquals(Refinements.NONE, new Value.Unknown(CtyType.STRING, null).refinements());
    }
  }

  @Nested
  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  class numbers {

    @Test
    void numbers_are_equal_whatever_their_scale() {
      assertEquals(Value.number(1), Value.number(new BigDecimal("1.0")));
      assertEquals(Value.number(new BigDecimal("1.000")), Value.number(new BigDecimal("1")));
      assertEquals(Value.number(100), Value.number(new BigDecimal("100.00")));
      assertEquals(Value.number(new BigDecimal("1E+2")), Value.number(100));
      assertEquals(Value.number(1).hashCode(), Value.number(new BigDecimal("1.0")).hashCode());
    }

    @Test
    void every_zero_is_the_same_zero() {
      assertEquals(Value.number(0), Value.number(new BigDecimal("0.00")));
      assertEquals(Value.number(0), Value.number(new BigDecimal("0E+5")));
      assertEquals(Value.number(0), Value.number(new BigDecimal("-0.0")));
      assertEquals(Value.number(0).hashCode(), Value.number(new BigDecimal("0.00")).hashCode());
    }

    @Test
    void different_magnitudes_are_different_numbers() {
      assertNotEquals(Value.number(1), Value.number(new BigDecimal("1.0000000000000000001")));
      assertNotEquals(Value.number(1), Value.number(-1));
    }

    @Test
    void large_and_precise_numbers_keep_their_precision() {
      BigDecimal big = new BigDecimal("123456789012345678901234567890.123456789");

      assertEquals(0, ((Value.Num) Value.number(big)).value().compareTo(big));
    }

    @Test
    void a_number_has_the_number_type_whatever_its_value() {
      assertEquals(CtyType.NUMBER, Value.number(0).type());
      assertEquals(CtyType.NUMBER, Value.number(new BigDecimal("-1.5")).type());
    }
  }

  @Nested
  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  class collections {

    @Test
    void sets_ignore_order() {
      List<Value> forward = List.of(Value.string("a"), Value.string("b"), Value.string("c"));
      List<Value> backward = new ArrayList<>(forward);
      Collections.reverse(backward);

      Value one = new Value.SetVal(CtyType.STRING, new LinkedHashSet<>(forward));
      Value other = new Value.SetVal(CtyType.STRING, new LinkedHashSet<>(backward));

      assertEquals(one, other);
      assertEquals(one.hashCode(), other.hashCode());
    }

    @Test
    void sets_collapse_equal_elements_including_equal_numbers_of_different_scale() {
      Value.SetVal expected = new Value.SetVal(CtyType.NUMBER, Set.of(Value.number(1), Value.number(2)));
      LinkedHashSet<Value> withDuplicates = new LinkedHashSet<>();
      withDuplicates.add(Value.number(1));
      withDuplicates.add(Value.number(new BigDecimal("1.00")));
      withDuplicates.add(Value.number(2));

      Value.SetVal collapsed = new Value.SetVal(CtyType.NUMBER, withDuplicates);

      assertEquals(2, collapsed.length());
      assertEquals(expected, collapsed);
    }

    @Test
    void lists_keep_order() {
      assertNotEquals(
          new Value.ListVal(CtyType.STRING, List.of(Value.string("a"), Value.string("b"))),
          new Value.ListVal(CtyType.STRING, List.of(Value.string("b"), Value.string("a"))));
    }

    @Test
    void the_length_is_known_for_lists_sets_and_maps_only() {
      assertEquals(2, new Value.ListVal(CtyType.BOOL, List.of(Value.bool(true), Value.bool(false))).length());
      assertEquals(0, new Value.SetVal(CtyType.BOOL, Set.of()).length());
      assertEquals(1, Value.MapVal.of(CtyType.BOOL, Map.of("k", Value.bool(true))).length());
      assertEquals(-1, Value.string("abc").length());
      assertEquals(-1, Value.nullOf(CtyType.listOf(CtyType.BOOL)).length());
      assertEquals(-1, Value.unknown(CtyType.listOf(CtyType.BOOL)).length());
      assertEquals(-1, new Value.TupleVal(List.of(Value.bool(true))).length());
    }

    @Test
    void maps_compare_by_entries_and_report_their_type() {
      Value.MapVal map = Value.MapVal.of(CtyType.STRING, Map.of("b", Value.string("2"), "a", Value.string("1")));

      assertEquals(List.of("a", "b"), new ArrayList<>(map.entries().keySet()));
      assertEquals(CtyType.mapOf(CtyType.STRING), map.type());
      assertEquals(map, Value.MapVal.of(CtyType.STRING, new TreeMap<>(Map.of("a", Value.string("1"),
          "b", Value.string("2")))));
    }

    @Test
    void collection_types_come_from_their_element_type() {
      assertEquals(CtyType.listOf(CtyType.NUMBER), new Value.ListVal(CtyType.NUMBER, List.of()).type());
      assertEquals(CtyType.setOf(CtyType.NUMBER), new Value.SetVal(CtyType.NUMBER, Set.of()).type());
      assertEquals(new CtyType.TupleOf(List.of(CtyType.STRING, CtyType.BOOL)),
          new Value.TupleVal(List.of(Value.string("x"), Value.bool(true))).type());
    }

    @Test
    void booleans_are_shared_constants() {
      assertSame(Value.bool(true), Value.bool(true));
      assertEquals(new Value.Bool(false), Value.bool(false));
    }
  }

  @Nested
  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  class objects {

    private final Value.ObjectVal token = object(Map.of(
        "name", Value.string("ci"), "lifetime", Value.nullOf(CtyType.STRING)));

    @Test
    void get_returns_an_attribute_even_when_it_is_null() {
      assertEquals(Value.string("ci"), token.get("name"));
      assertEquals(Value.nullOf(CtyType.STRING), token.get("lifetime"));
    }

    @Test
    void get_of_a_missing_attribute_is_an_error_naming_it() {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> token.get("nope"));
      assertTrue(error.getMessage().contains("\"nope\""), error.getMessage());
    }

    @Test
    void with_replaces_one_attribute_and_leaves_the_original_unchanged() {
      Value.ObjectVal changed = token.with("lifetime", Value.string("2h"));

      assertEquals(Value.string("2h"), changed.get("lifetime"));
      assertEquals(Value.string("ci"), changed.get("name"));
      assertEquals(Value.nullOf(CtyType.STRING), token.get("lifetime"));
    }

    @Test
    void with_of_a_missing_attribute_is_an_error_and_adds_nothing() {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> token.with("nope", Value.string("x")));
      assertTrue(error.getMessage().contains("\"nope\""), error.getMessage());
    }

    @Test
    void the_type_of_an_object_lists_every_attribute_type_including_those_of_nulls() {
      assertEquals(CtyType.ObjectOf.of("lifetime", CtyType.STRING, "name", CtyType.STRING), token.type());
    }

    @Test
    void objects_are_equal_when_their_attributes_are() {
      assertEquals(token, object(Map.of("lifetime", Value.nullOf(CtyType.STRING), "name", Value.string("ci"))));
      assertNotEquals(token, token.with("name", Value.string("other")));
    }

    @Test
    void the_attributes_of_an_object_cannot_be_modified() {
      assertThrows(UnsupportedOperationException.class, () -> token.attributes().put("x", Value.string("y")));
    }
  }
}
