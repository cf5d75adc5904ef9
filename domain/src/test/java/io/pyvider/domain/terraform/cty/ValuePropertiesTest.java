package io.pyvider.domain.terraform.cty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of values: numbers compare by magnitude, sets by membership. */
class ValuePropertiesTest {

  @Property
  @Label("a number equals itself written with any number of extra trailing zeros")
  void trailing_zeros_do_not_matter(@ForAll long unscaled, @ForAll @IntRange(min = -20, max = 20) int scale,
      @ForAll @IntRange(min = 0, max = 20) int extraZeros) {
    BigDecimal number = new BigDecimal(BigInteger.valueOf(unscaled), scale);
    BigDecimal padded = number.setScale(scale + extraZeros);

    assertEquals(Value.number(number), Value.number(padded));
    assertEquals(Value.number(number).hashCode(), Value.number(padded).hashCode());
  }

  @Property
  @Label("a set built from the same strings in any order, with any repeats, is the same set")
  void sets_ignore_order_and_repeats(@ForAll @Size(max = 12) List<String> members, @ForAll long seed) {
    List<Value> forward = members.stream().map(Value::string).toList();
    List<Value> shuffled = new ArrayList<>(forward);
    shuffled.addAll(forward);
    Collections.shuffle(shuffled, new Random(seed));

    Value.SetVal one = new Value.SetVal(CtyType.STRING, new LinkedHashSet<>(forward));
    Value.SetVal other = new Value.SetVal(CtyType.STRING, new LinkedHashSet<>(shuffled));

    assertEquals(one, other);
    assertEquals(one.hashCode(), other.hashCode());
    assertEquals(members.stream().distinct().count(), other.length());
  }
}
