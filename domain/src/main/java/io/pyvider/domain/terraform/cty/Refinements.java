package io.pyvider.domain.terraform.cty;

import java.math.BigDecimal;

/**
 * What is already known about an unknown value (cty refinements, msgpack extension 12): that it will not be null,
 * the prefix a string will start with, bounds of a number, bounds of a collection's length. Absent facts are
 * {@code null}. A plan's refinements bind the apply result.
 */
public record Refinements(
    boolean definitelyNotNull,
    String stringPrefix,
    BigDecimal lowerBound,
    boolean lowerInclusive,
    BigDecimal upperBound,
    boolean upperInclusive,
    Long lengthLowerBound,
    Long lengthUpperBound) {

  /** An empty prefix promises nothing, so it is no refinement at all: one spelling for "no prefix" keeps equality honest. */
  public Refinements {
    if (stringPrefix != null && stringPrefix.isEmpty()) {
      stringPrefix = null;
    }
  }

  public static final Refinements NONE = new Refinements(false, null, null, false, null, false, null, null);

  public static Refinements notNull() {
    return new Refinements(true, null, null, false, null, false, null, null);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  public Refinements withStringPrefix(String prefix) {
    return new Refinements(definitelyNotNull, prefix, lowerBound, lowerInclusive, upperBound, upperInclusive,
        lengthLowerBound, lengthUpperBound);
  }

  public Refinements withLowerBound(BigDecimal bound, boolean inclusive) {
    return new Refinements(definitelyNotNull, stringPrefix, bound, inclusive, upperBound, upperInclusive,
        lengthLowerBound, lengthUpperBound);
  }

  public Refinements withUpperBound(BigDecimal bound, boolean inclusive) {
    return new Refinements(definitelyNotNull, stringPrefix, lowerBound, lowerInclusive, bound, inclusive,
        lengthLowerBound, lengthUpperBound);
  }

  public Refinements withLengthBounds(Long lower, Long upper) {
    return new Refinements(definitelyNotNull, stringPrefix, lowerBound, lowerInclusive, upperBound, upperInclusive,
        lower, upper);
  }

  public Refinements withNotNull() {
    return new Refinements(true, stringPrefix, lowerBound, lowerInclusive, upperBound, upperInclusive,
        lengthLowerBound, lengthUpperBound);
  }

  /** Whether a known (or null) final value keeps every promise these refinements made. */
  public boolean admits(Value value) {
    if (value instanceof Value.Unknown) {
      return true;
    }
    if (value.isNull()) {
      return !definitelyNotNull;
    }
    if (stringPrefix != null && value instanceof Value.Str s && !s.value().startsWith(stringPrefix)) {
      return false;
    }
    if (value instanceof Value.Num n) {
      if (lowerBound != null) {
        int c = n.value().compareTo(lowerBound);
        if (c < 0 || (c == 0 && !lowerInclusive)) {
          return false;
        }
      }
      if (upperBound != null) {
        int c = n.value().compareTo(upperBound);
        if (c > 0 || (c == 0 && !upperInclusive)) {
          return false;
        }
      }
    }
    long length = value.length();
    if (length >= 0) {
      if (lengthLowerBound != null && length < lengthLowerBound) {
        return false;
      }
      return lengthUpperBound == null || length <= lengthUpperBound;
    }
    return true;
  }
}
