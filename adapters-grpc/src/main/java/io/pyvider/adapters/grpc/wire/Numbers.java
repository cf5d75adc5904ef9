package io.pyvider.adapters.grpc.wire;

import com.fasterxml.jackson.core.io.NumberInput;
import io.pyvider.domain.terraform.cty.AttributePath;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Decimal parsing and range checks shared by the codecs. */
final class Numbers {
  /** Decimal exponents beyond this are refused: rendering them in full (as cty does) would take unbounded memory. */
  static final int MAX_EXPONENT = 100_000;
  static final int MAX_DIGITS = 2 * MAX_EXPONENT + 10;

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("[+-]?(?i:inf|infinity)");
  private static final Pattern SIGNIFICAND_ZERO = Pattern.compile("[+-]?0*\\.?0*(?:[eE]|$)");

  private Numbers() {
  }

  /** Parses a number written as text (msgpack strings, JSON strings); the text itself never reaches a message. */
  static BigDecimal parse(String text, AttributePath path) throws WireFormatException {
    if (INFINITY.matcher(text).matches()) {
      throw infinite(path);
    }
    if (text.length() > MAX_DIGITS || !DECIMAL.matcher(text).matches()) {
      throw new WireFormatException(path, "a number is required, got a string that is not a decimal number");
    }
    BigDecimal value;
    try {
      // Jackson's parser (FastDoubleParser) is subquadratic: the JDK's BigDecimal(String) takes seconds for the
      // 200,000 digits a number may have, and cty writes large numbers out in full.
      value = NumberInput.parseBigDecimal(text, true);
    } catch (NumberFormatException exponentBeyondInt) {
      if (SIGNIFICAND_ZERO.matcher(text).lookingAt()) {
        return BigDecimal.ZERO; // 0e9999999999 is zero, whatever its exponent
      }
      throw outOfRange(path);
    }
    return checkRange(value, path);
  }

  /** An exact decimal for a finite double; cty keeps float64 values exactly, so must we. */
  static BigDecimal fromDouble(double value, AttributePath path) throws WireFormatException {
    if (Double.isNaN(value)) {
      throw new WireFormatException(path, "NaN is not a number");
    }
    if (Double.isInfinite(value)) {
      throw infinite(path);
    }
    return new BigDecimal(value);
  }

  static BigDecimal checkRange(BigDecimal value, AttributePath path) throws WireFormatException {
    if (value.signum() != 0) {
      long exponent = (long) value.precision() - value.scale() - 1;
      if (Math.abs(exponent) > MAX_EXPONENT || value.precision() > MAX_DIGITS) {
        throw outOfRange(path);
      }
    }
    return value;
  }

  /**
   * The form refinement bounds are decoded in: no trailing fractional zeros, and integers without an exponent
   * (10, not 1E+1), as code usually writes them. Refinements compares bounds with equals, which sees scale.
   */
  static BigDecimal canonical(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 && stripped.scale() > -1000 ? stripped.setScale(0) : stripped;
  }

  static WireFormatException infinite(AttributePath path) {
    // BigDecimal cannot hold infinities, and no pyvider attribute needs them.
    return new WireFormatException(path, "infinite numbers are not supported");
  }

  private static WireFormatException outOfRange(AttributePath path) {
    return new WireFormatException(path, "numbers must lie within 1e-" + MAX_EXPONENT + " and 1e" + MAX_EXPONENT);
  }

  /** The exact int64 value of {@code value}, or null when it has a fraction or does not fit. */
  static Long exactLong(BigDecimal value) {
    if (value.signum() == 0) {
      return 0L;
    }
    if (value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
      return null;
    }
    if (value.precision() - value.scale() > 19) {
      return null;
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** The double exactly equal to a non-integer {@code value}, or null; cty writes float64 only for such numbers. */
  static Double exactNonIntegerDouble(BigDecimal value) {
    if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
      return null;
    }
    double d = value.doubleValue();
    if (!Double.isFinite(d) || d == 0.0 || new BigDecimal(d).compareTo(value) != 0) {
      return null;
    }
    return d;
  }
}
