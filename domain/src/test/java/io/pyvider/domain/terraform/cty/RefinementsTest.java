package io.pyvider.domain.terraform.cty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RefinementsTest {

  private static Value list(int length) {
    return new Value.ListVal(CtyType.NUMBER, IntStream.range(0, length)
        .mapToObj(Value::number).toList());
  }

  @Test
  void an_empty_string_prefix_is_no_refinement_so_it_survives_a_round_trip_through_the_wire() {
    // The msgpack encoder drops an empty prefix (it promises nothing); decoding "" must therefore equal no prefix.
    assertEquals(Refinements.NONE, Refinements.NONE.withStringPrefix(""));
    assertEquals(Refinements.notNull(), Refinements.notNull().withStringPrefix(""));
    assertEquals("a", Refinements.NONE.withStringPrefix("a").stringPrefix());
  }

  @Test
  void no_refinements_admit_anything() {
    assertTrue(Refinements.NONE.isEmpty());
    assertTrue(Refinements.NONE.admits(Value.nullOf(CtyType.STRING)));
    assertTrue(Refinements.NONE.admits(Value.string("")));
    assertTrue(Refinements.NONE.admits(Value.number(-5)));
    assertTrue(Refinements.NONE.admits(list(3)));
  }

  @Test
  void not_null_rejects_null_and_admits_any_known_value() {
    Refinements notNull = Refinements.notNull();

    assertFalse(notNull.isEmpty());
    assertFalse(notNull.admits(Value.nullOf(CtyType.STRING)));
    assertTrue(notNull.admits(Value.string("")));
    assertTrue(notNull.admits(Value.bool(false)));
  }

  @Test
  void an_unknown_final_value_breaks_no_promise() {
    Refinements strict = Refinements.notNull().withStringPrefix("x").withLengthBounds(1L, 1L);

    assertTrue(strict.admits(Value.unknown(CtyType.STRING)));
  }

  @Test
  void a_string_prefix_admits_strings_that_start_with_it() {
    Refinements prefix = Refinements.NONE.withStringPrefix("token-");

    assertTrue(prefix.admits(Value.string("token-")));
    assertTrue(prefix.admits(Value.string("token-abc")));
    assertFalse(prefix.admits(Value.string("tokenabc")));
    assertFalse(prefix.admits(Value.string("TOKEN-abc")));
    assertFalse(prefix.admits(Value.string("")));
  }

  @Test
  void a_string_prefix_alone_still_admits_null() {
    assertTrue(Refinements.NONE.withStringPrefix("token-").admits(Value.nullOf(CtyType.STRING)));
    assertFalse(Refinements.NONE.withStringPrefix("token-").withNotNull().admits(Value.nullOf(CtyType.STRING)));
  }

  @Test
  void an_inclusive_lower_bound_admits_the_bound_itself() {
    Refinements atLeastOne = Refinements.NONE.withLowerBound(BigDecimal.ONE, true);

    assertTrue(atLeastOne.admits(Value.number(1)));
    assertTrue(atLeastOne.admits(Value.number(new BigDecimal("1.00"))));
    assertTrue(atLeastOne.admits(Value.number(2)));
    assertFalse(atLeastOne.admits(Value.number(new BigDecimal("0.999"))));
  }

  @Test
  void an_exclusive_lower_bound_rejects_the_bound_itself() {
    Refinements aboveOne = Refinements.NONE.withLowerBound(BigDecimal.ONE, false);

    assertFalse(aboveOne.admits(Value.number(1)));
    assertTrue(aboveOne.admits(Value.number(new BigDecimal("1.0001"))));
  }

  @Test
  void upper_bounds_work_the_same_way_from_above() {
    Refinements atMostTen = Refinements.NONE.withUpperBound(BigDecimal.TEN, true);
    Refinements belowTen = Refinements.NONE.withUpperBound(BigDecimal.TEN, false);

    assertTrue(atMostTen.admits(Value.number(10)));
    assertFalse(atMostTen.admits(Value.number(11)));
    assertFalse(belowTen.admits(Value.number(10)));
    assertTrue(belowTen.admits(Value.number(new BigDecimal("9.99"))));
    assertTrue(belowTen.admits(Value.number(-1000)));
  }

  @Test
  void both_bounds_together_admit_only_the_range_between() {
    Refinements range = Refinements.NONE.withLowerBound(BigDecimal.ZERO, true).withUpperBound(BigDecimal.TEN, false);

    assertTrue(range.admits(Value.number(0)));
    assertTrue(range.admits(Value.number(5)));
    assertFalse(range.admits(Value.number(-1)));
    assertFalse(range.admits(Value.number(10)));
  }

  @Test
  void length_bounds_are_inclusive_on_both_ends() {
    Refinements twoToThree = Refinements.NONE.withLengthBounds(2L, 3L);

    assertFalse(twoToThree.admits(list(1)));
    assertTrue(twoToThree.admits(list(2)));
    assertTrue(twoToThree.admits(list(3)));
    assertFalse(twoToThree.admits(list(4)));
  }

  @Test
  void length_bounds_apply_to_sets_and_maps_too() {
    Refinements atLeastOne = Refinements.NONE.withLengthBounds(1L, null);

    assertFalse(atLeastOne.admits(new Value.SetVal(CtyType.STRING, Set.of())));
    assertTrue(atLeastOne.admits(new Value.SetVal(CtyType.STRING, Set.of(Value.string("a")))));
    assertFalse(atLeastOne.admits(Value.MapVal.of(CtyType.STRING, Map.of())));
    assertTrue(atLeastOne.admits(Value.MapVal.of(CtyType.STRING, Map.of("k", Value.string("v")))));
  }

  @Test
  void an_upper_length_bound_alone_limits_only_from_above() {
    Refinements atMostOne = Refinements.NONE.withLengthBounds(null, 1L);

    assertTrue(atMostOne.admits(list(0)));
    assertTrue(atMostOne.admits(list(1)));
    assertFalse(atMostOne.admits(list(2)));
  }

  @Test
  void facts_about_other_kinds_of_value_do_not_constrain_a_string() {
    Refinements numeric = Refinements.NONE.withLowerBound(BigDecimal.TEN, true).withLengthBounds(5L, 5L);

    assertTrue(numeric.admits(Value.string("a")));
    assertTrue(numeric.admits(new Value.TupleVal(List.of())));
  }

  @Test
  void each_with_method_keeps_the_other_facts() {
    Refinements all = Refinements.notNull()
        .withStringPrefix("p")
        .withLowerBound(BigDecimal.ONE, true)
        .withUpperBound(BigDecimal.TEN, false)
        .withLengthBounds(1L, 2L);

    assertEquals(new Refinements(true, "p", BigDecimal.ONE, true, BigDecimal.TEN, false, 1L, 2L), all);
    assertEquals(all, new Refinements(false, "p", BigDecimal.ONE, true, BigDecimal.TEN, false, 1L, 2L).withNotNull());
  }
}
