package io.pyvider.domain.terraform.cty;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Terraform value: null, unknown (possibly refined), or a known value of a concrete type. Values are immutable and
 * compare structurally; numbers compare by magnitude ({@code 1.0} equals {@code 1}), sets ignore order.
 */
public sealed interface Value {

  /** The value's type; for a null or unknown value, the type it was declared with. */
  CtyType type();

  default boolean isNull() {
    return false;
  }

  default boolean isKnown() {
    return true;
  }

  /** True when neither this value nor anything inside it is unknown. */
  default boolean isWhollyKnown() {
    return isKnown();
  }

  /** The number of elements of a known list, set or map; -1 for anything else. */
  default long length() {
    return -1;
  }

  static Value nullOf(CtyType type) {
    return new Null(type);
  }

  static Value unknown(CtyType type) {
    return new Unknown(type, Refinements.NONE);
  }

  static Value unknown(CtyType type, Refinements refinements) {
    return new Unknown(type, refinements);
  }

  static Value string(String value) {
    return new Str(value);
  }

  static Value number(BigDecimal value) {
    return new Num(value);
  }

  static Value number(long value) {
    return new Num(BigDecimal.valueOf(value));
  }

  static Value bool(boolean value) {
    return value ? Bool.TRUE : Bool.FALSE;
  }

  /** A null value: the absence of a value of the given type. */
  record Null(CtyType type) implements Value {
    public Null {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public boolean isNull() {
      return true;
    }
  }

  /** A value that will only be known at apply time; refinements say what is known of it already. */
  record Unknown(CtyType type, Refinements refinements) implements Value {
    public Unknown {
      Objects.requireNonNull(type, "type");
      refinements = refinements == null || type == CtyType.DYNAMIC ? Refinements.NONE : refinements;
    }

    @Override
    public boolean isKnown() {
      return false;
    }
  }

  /**
   * A known string. It never prints itself: any string may be a token or a write-only secret, and values end up in
   * exception messages and logs through string concatenation, so {@link #toString()} shows only the length.
   */
  record Str(String value) implements Value {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public CtyType type() {
      return CtyType.STRING;
    }

    @Override
    public String toString() {
      return "Str[" + value.length() + " chars, redacted]";
    }
  }

  /** A known number of arbitrary precision, kept without trailing zeros so equal numbers are equal values. */
  record Num(BigDecimal value) implements Value {
    public Num {
      Objects.requireNonNull(value, "value");
      value = Decimals.stripTrailingZeros(value);
    }

    @Override
    public CtyType type() {
      return CtyType.NUMBER;
    }
  }

  /** A known boolean. */
  record Bool(boolean value) implements Value {
    static final Bool TRUE = new Bool(true);
    static final Bool FALSE = new Bool(false);

    @Override
    public CtyType type() {
      return CtyType.BOOL;
    }
  }

  /** A known list. */
  record ListVal(CtyType elementType, List<Value> elements) implements Value {
    public ListVal {
      Objects.requireNonNull(elementType, "elementType");
      elements = List.copyOf(elements);
    }

    @Override
    public CtyType type() {
      return new CtyType.ListOf(elementType);
    }

    @Override
    public boolean isWhollyKnown() {
      return elements.stream().allMatch(Value::isWhollyKnown);
    }

    @Override
    public long length() {
      return elements.size();
    }
  }

  /** A known set; equal elements collapse, order is not significant. */
  record SetVal(CtyType elementType, Set<Value> elements) implements Value {
    public SetVal {
      Objects.requireNonNull(elementType, "elementType");
      elements = Collections.unmodifiableSet(new LinkedHashSet<>(elements));
    }

    @Override
    public CtyType type() {
      return new CtyType.SetOf(elementType);
    }

    @Override
    public boolean isWhollyKnown() {
      return elements.stream().allMatch(Value::isWhollyKnown);
    }

    @Override
    public long length() {
      return elements.size();
    }
  }

  /** A known map with string keys, kept sorted. */
  record MapVal(CtyType elementType, SortedMap<String, Value> entries) implements Value {
    public MapVal {
      Objects.requireNonNull(elementType, "elementType");
      entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    public static MapVal of(CtyType elementType, Map<String, Value> entries) {
      return new MapVal(elementType, new TreeMap<>(entries));
    }

    @Override
    public CtyType type() {
      return new CtyType.MapOf(elementType);
    }

    @Override
    public boolean isWhollyKnown() {
      return entries.values().stream().allMatch(Value::isWhollyKnown);
    }

    @Override
    public long length() {
      return entries.size();
    }
  }

  /** A known tuple. */
  record TupleVal(List<Value> elements) implements Value {
    public TupleVal {
      elements = List.copyOf(elements);
    }

    @Override
    public CtyType type() {
      return new CtyType.TupleOf(elements.stream().map(Value::type).toList());
    }

    @Override
    public boolean isWhollyKnown() {
      return elements.stream().allMatch(Value::isWhollyKnown);
    }
  }

  /** A known object: every attribute of its type is present, null where it has no value. */
  record ObjectVal(SortedMap<String, Value> attributes) implements Value {
    public ObjectVal {
      attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    public static ObjectVal of(Map<String, Value> attributes) {
      return new ObjectVal(new TreeMap<>(attributes));
    }

    @Override
    public CtyType type() {
      TreeMap<String, CtyType> types = new TreeMap<>();
      attributes.forEach((name, value) -> types.put(name, value.type()));
      return new CtyType.ObjectOf(types);
    }

    @Override
    public boolean isWhollyKnown() {
      return attributes.values().stream().allMatch(Value::isWhollyKnown);
    }

    /** The named attribute; throws if the object has no such attribute (a programming error, not bad input). */
    public Value get(String name) {
      Value value = attributes.get(name);
      if (value == null) {
        throw new IllegalArgumentException("object has no attribute \"" + name + "\"");
      }
      return value;
    }

    /** A copy with one attribute replaced. */
    public ObjectVal with(String name, Value value) {
      if (!attributes.containsKey(name)) {
        throw new IllegalArgumentException("object has no attribute \"" + name + "\"");
      }
      TreeMap<String, Value> copy = new TreeMap<>(attributes);
      copy.put(name, value);
      return new ObjectVal(copy);
    }
  }
}
