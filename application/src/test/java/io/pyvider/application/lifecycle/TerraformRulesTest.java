package io.pyvider.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Terraform's "Provider produced inconsistent result after apply" for collections planned partly unknown
 * (objchange.AssertObjectCompatible): every element known at plan must stay, lists and maps keep their length and
 * keys, sets their size, and each problem names the element's path and shows both values unless sensitive.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TerraformRulesTest {

  private static final CtyType SETTINGS = CtyType.ObjectOf.of("mode", CtyType.STRING, "strict", CtyType.BOOL);
  private static final CtyType PAIR = new CtyType.TupleOf(List.of(CtyType.STRING, CtyType.NUMBER));
  private static final Block BLOCK = Block.of("collections", List.of(
      Attribute.builder("ports", CtyType.listOf(CtyType.NUMBER)).computed().build(),
      Attribute.builder("tags", CtyType.mapOf(CtyType.STRING)).computed().build(),
      Attribute.builder("zones", CtyType.setOf(CtyType.STRING)).computed().build(),
      Attribute.builder("settings", SETTINGS).computed().build(),
      Attribute.builder("pair", PAIR).computed().build(),
      Attribute.builder("anything", CtyType.DYNAMIC).computed().build(),
      Attribute.builder("keys", CtyType.listOf(CtyType.STRING)).computed().sensitive().build()));

  private static final Value UNKNOWN_NUMBER = Value.unknown(CtyType.NUMBER);
  private static final Value UNKNOWN_STRING = Value.unknown(CtyType.STRING);

  private static Value numbers(Value... elements) {
    return new Value.ListVal(CtyType.NUMBER, List.of(elements));
  }

  private static Value strings(Value... elements) {
    return new Value.ListVal(CtyType.STRING, List.of(elements));
  }

  private static Value tags(Map<String, Value> entries) {
    return Value.MapVal.of(CtyType.STRING, entries);
  }

  private static Value zones(Value... elements) {
    return new Value.SetVal(CtyType.STRING, new LinkedHashSet<>(List.of(elements)));
  }

  private static Value settings(Value mode, Value strict) {
    return Value.ObjectVal.of(Map.of("mode", mode, "strict", strict));
  }

  private static Value pair(Value first, Value second) {
    return new Value.TupleVal(List.of(first, second));
  }

  /** An object of {@link #BLOCK}: known defaults, with {@code overrides} in place. */
  private static Value.ObjectVal object(Map<String, Value> overrides) {
    Value.ObjectVal object = BLOCK.emptyValue()
        .with("ports", numbers(Value.number(1)))
        .with("tags", tags(Map.of("a", Value.string("x"))))
        .with("zones", zones(Value.string("x")))
        .with("settings", settings(Value.string("on"), Value.bool(true)))
        .with("pair", pair(Value.string("x"), Value.number(1)))
        .with("anything", Value.string("x"))
        .with("keys", strings(Value.string("k1")));
    for (Map.Entry<String, Value> override : overrides.entrySet()) {
      object = object.with(override.getKey(), override.getValue());
    }
    return object;
  }

  private static List<String> applied(String attribute, Value planned, Value actual) {
    return TerraformRules.applyProblems(BLOCK, object(Map.of(attribute, planned)), object(Map.of(attribute, actual)));
  }

  @Test
  void filling_in_every_unknown_element_is_consistent() {
    assertEquals(List.of(), applied("ports", numbers(Value.number(1), UNKNOWN_NUMBER),
        numbers(Value.number(1), Value.number(2))));
    assertEquals(List.of(), applied("tags", tags(Map.of("a", Value.string("x"), "b", UNKNOWN_STRING)),
        tags(Map.of("a", Value.string("x"), "b", Value.string("y")))));
    assertEquals(List.of(), applied("zones", zones(Value.string("x"), UNKNOWN_STRING),
        zones(Value.string("x"), Value.string("y"))));
    assertEquals(List.of(), applied("settings", settings(UNKNOWN_STRING, Value.bool(true)),
        settings(Value.string("off"), Value.bool(true))));
    assertEquals(List.of(), applied("pair", pair(Value.string("x"), UNKNOWN_NUMBER),
        pair(Value.string("x"), Value.number(2))));
  }

  @Test
  void a_list_must_keep_its_length_and_its_known_elements() {
    Value planned = numbers(Value.number(new BigDecimal("1.50")), UNKNOWN_NUMBER);

    assertEquals(List.of("ports: planned 2 elements, but now 1"), applied("ports", planned, numbers(Value.number(1))));
    assertEquals(List.of("ports[0]: was 1.5, but now 3"), applied("ports", planned,
        numbers(Value.number(3), Value.number(2))));
  }

  @Test
  void a_map_must_keep_its_keys_and_its_known_values() {
    Value planned = tags(Map.of("a", Value.string("x"), "b", UNKNOWN_STRING));

    assertEquals(List.of("tags: planned keys [a, b], but now [a, c]"), applied("tags", planned,
        tags(Map.of("a", Value.string("x"), "c", Value.string("y")))));
    assertEquals(List.of("tags[\"a\"]: was \"x\", but now \"z\""), applied("tags", planned,
        tags(Map.of("a", Value.string("z"), "b", Value.string("y")))));
  }

  @Test
  void a_set_must_keep_its_size() {
    assertEquals(List.of("zones: planned set of 2 elements, but now 1"), applied("zones",
        zones(Value.string("x"), UNKNOWN_STRING), zones(Value.string("x"))));
  }

  @Test
  void an_object_and_a_tuple_must_keep_their_known_attributes_and_elements() {
    assertEquals(List.of("settings.strict: was true, but now false"), applied("settings",
        settings(UNKNOWN_STRING, Value.bool(true)), settings(Value.string("off"), Value.bool(false))));
    assertEquals(List.of("pair[0]: was \"x\", but now \"y\""), applied("pair", pair(Value.string("x"), UNKNOWN_NUMBER),
        pair(Value.string("y"), Value.number(2))));
  }

  @Test
  void a_partly_unknown_collection_may_not_become_null_or_another_type() {
    assertEquals(List.of("ports: was [\"list\",\"number\"] value, but now null"), applied("ports",
        numbers(UNKNOWN_NUMBER), Value.nullOf(CtyType.listOf(CtyType.NUMBER))));
    assertEquals(List.of("anything: the value changed type between plan and apply"), applied("anything",
        numbers(UNKNOWN_NUMBER), Value.string("x")));
  }

  @Test
  void a_null_planned_value_may_not_be_filled_in() {
    assertEquals(List.of("anything: was null, but now \"x\""), applied("anything", Value.nullOf(CtyType.DYNAMIC),
        Value.string("x")));
  }

  @Test
  void the_elements_of_a_sensitive_attribute_are_not_shown() {
    assertEquals(List.of("keys[0]: was (sensitive value), but now (sensitive value)"), applied("keys",
        strings(Value.string("k1"), UNKNOWN_STRING), strings(Value.string("k9"), Value.string("k2"))));
  }
}
