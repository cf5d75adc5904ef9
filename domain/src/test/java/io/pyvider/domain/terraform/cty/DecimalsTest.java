package io.pyvider.domain.terraform.cty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Numbers lose their trailing zeros as the JDK strips them, but in a few divisions however many zeros there are. */
class DecimalsTest {

  @Property(tries = 200)
  void strips_exactly_as_the_jdk_does(@ForAll @IntRange(min = 1, max = 3000) int digits,
      @ForAll @IntRange(min = 0, max = 3000) int zeros, @ForAll @IntRange(min = -5000, max = 5000) int scale,
      @ForAll boolean negative, @ForAll long seed) {
    // Large enough to take the fast path: a random significand (which may end in zeros itself) times 10^zeros.
    BigInteger significand = new BigInteger(digits * 4, new java.util.Random(seed)).add(BigInteger.ONE);
    BigInteger unscaled = significand.multiply(BigInteger.TEN.pow(zeros));
    BigDecimal value = new BigDecimal(negative ? unscaled.negate() : unscaled, scale);

    BigDecimal stripped = Decimals.stripTrailingZeros(value);

    assertEquals(value.stripTrailingZeros(), stripped); // equals compares the scale too
  }

  @Test
  void stripping_reaches_the_smallest_scale_an_int_holds_and_underflows_past_it_as_the_jdk_does() {
    // 10^1300 has over 4096 bits, so it takes the fast path; its 1300 zeros lower the scale by 1300.
    BigInteger thousandsOfZeros = BigInteger.TEN.pow(1300);
    BigDecimal lowest = new BigDecimal(thousandsOfZeros, Integer.MIN_VALUE + 1300);
    BigDecimal beyond = new BigDecimal(thousandsOfZeros, Integer.MIN_VALUE + 1299);

    assertEquals(lowest.stripTrailingZeros(), Decimals.stripTrailingZeros(lowest));
    assertEquals(Integer.MIN_VALUE, Decimals.stripTrailingZeros(lowest).scale());
    assertThrows(ArithmeticException.class, beyond::stripTrailingZeros);
    assertThrows(ArithmeticException.class, () -> Decimals.stripTrailingZeros(beyond));
  }

  @Test
  void zero_strips_to_plain_zero() {
    assertEquals(BigDecimal.ZERO, Decimals.stripTrailingZeros(new BigDecimal(BigInteger.ZERO, -7)));
  }

  /**
   * Terraform writes {@code 1e100000} out in full: 100,001 digits. Java 17's own stripTrailingZeros divides by ten once
   * per zero, allocating a 41 KB quotient each time (gigabytes in all, seconds of CPU per number); Java 21 and later
   * strip quickly themselves, so there this test passes either way.
   */
  @Test
  void a_number_written_with_a_hundred_thousand_zeros_is_stripped_in_a_few_divisions() {
    BigDecimal written = new BigDecimal(BigInteger.TEN.pow(100_000));
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    Value.Num number = new Value.Num(written);

    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(new BigDecimal("1e100000"), number.value());
    assertTrue(allocated < 64L << 20, "stripping allocated " + allocated + " bytes");
  }
}
