package io.pyvider.application.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Reading string collections out of configuration: only known, non-null lists and sets count; nulls are skipped. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AttributesTest {

  private static Value.ObjectVal with(Value value) {
    return Value.ObjectVal.of(Map.of("names", value));
  }

  @Test
  void a_list_and_a_set_give_their_strings_in_order_without_nulls() {
    assertEquals(Optional.of(List.of("b", "a")), Attributes.knownStrings(with(new Value.ListVal(CtyType.STRING,
        List.of(Value.string("b"), Value.nullOf(CtyType.STRING), Value.string("a")))), "names"));
    assertEquals(Optional.of(List.of("x", "y")), Attributes.knownStrings(with(new Value.SetVal(CtyType.STRING,
        new LinkedHashSet<>(List.of(Value.string("x"), Value.string("y"))))), "names"));
  }

  @Test
  void null_unknown_or_other_values_give_nothing() {
    assertEquals(Optional.empty(), Attributes.knownStrings(with(Value.nullOf(CtyType.listOf(CtyType.STRING))),
        "names"));
    assertEquals(Optional.empty(), Attributes.knownStrings(with(new Value.ListVal(CtyType.STRING,
        List.of(Value.string("a"), Value.unknown(CtyType.STRING)))), "names"));
    assertEquals(Optional.empty(), Attributes.knownStrings(with(Value.string("a")), "names"));
  }
}
