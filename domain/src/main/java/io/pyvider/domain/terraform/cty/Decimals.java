package io.pyvider.domain.terraform.cty;

import java.math.BigDecimal;
import java.math.BigInteger;

/** What the JDK does too slowly for hostile input to the arbitrary-precision numbers of {@link Value.Num}. */
final class Decimals {

  /** Below this many bits the JDK's own loop (one division by ten per zero) is as fast as anything. */
  private static final int SMALL_BITS = 4096;

  private Decimals() {
  }

  /**
   * {@link BigDecimal#stripTrailingZeros()} in a logarithmic number of divisions. Before Java 21 the JDK divides by
   * ten once per trailing zero, quadratic in the number's length: seconds for the 100,001 digits Terraform sends for
   * {@code 1e100000} (cty writes such numbers out in full).
   */
  static BigDecimal stripTrailingZeros(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigInteger unscaled = value.unscaledValue();
    if (unscaled.bitLength() < SMALL_BITS) {
      return value.stripTrailingZeros();
    }
    // Every factor of ten holds a factor of two, so the trailing zero bits bound the trailing decimal zeros. Take
    // away the largest power of two of them first: 10^k divides what is left exactly when k is at most the zeros left.
    int atMost = unscaled.getLowestSetBit();
    long removed = 0;
    for (int zeros = Integer.highestOneBit(atMost); zeros > 0; zeros >>>= 1) {
      BigInteger[] quotientAndRemainder = unscaled.divideAndRemainder(BigInteger.TEN.pow(zeros));
      if (quotientAndRemainder[1].signum() == 0) {
        unscaled = quotientAndRemainder[0];
        removed += zeros;
      }
    }
    long scale = value.scale() - removed;
    if (scale < Integer.MIN_VALUE) {
      throw new ArithmeticException("Underflow"); // as the JDK's own stripTrailingZeros
    }
    return new BigDecimal(unscaled, (int) scale);
  }
}
