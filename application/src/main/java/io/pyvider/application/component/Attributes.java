package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Small readers for object attributes, so components say what they want instead of casting. */
public final class Attributes {

  private Attributes() {
  }

  /** The attribute's string when it is known and not null. */
  public static Optional<String> knownString(Value.ObjectVal object, String name) {
    return object.get(name) instanceof Value.Str s ? Optional.of(s.value()) : Optional.empty();
  }

  /** The attribute's boolean when it is known and not null. */
  public static Optional<Boolean> knownBool(Value.ObjectVal object, String name) {
    return object.get(name) instanceof Value.Bool b ? Optional.of(b.value()) : Optional.empty();
  }

  /** The attribute's number when it is known and not null. */
  public static Optional<BigDecimal> knownNumber(Value.ObjectVal object, String name) {
    return object.get(name) instanceof Value.Num n ? Optional.of(n.value()) : Optional.empty();
  }

  /**
   * The strings of a known, non-null list or set attribute, in order; null elements are skipped. Empty when the
   * attribute is null or not wholly known.
   */
  public static Optional<List<String>> knownStrings(Value.ObjectVal object, String name) {
    Value value = object.get(name);
    if (value.isNull() || !value.isWhollyKnown()) {
      return Optional.empty();
    }
    Iterable<Value> elements;
    if (value instanceof Value.ListVal list) {
      elements = list.elements();
    } else if (value instanceof Value.SetVal set) {
      elements = set.elements();
    } else {
      return Optional.empty();
    }
    List<String> strings = new ArrayList<>();
    for (Value element : elements) {
      if (element instanceof Value.Str s) {
        strings.add(s.value());
      }
    }
    return Optional.of(Collections.unmodifiableList(strings));
  }

  /** The entries of a known, non-null map-of-string attribute, sorted by key; null elements are skipped. */
  public static Optional<Map<String, String>> knownStringMap(Value.ObjectVal object, String name) {
    if (!(object.get(name) instanceof Value.MapVal map) || !map.isWhollyKnown()) {
      return Optional.empty();
    }
    Map<String, String> entries = new TreeMap<>();
    map.entries().forEach((key, value) -> {
      if (value instanceof Value.Str s) {
        entries.put(key, s.value());
      }
    });
    return Optional.of(Collections.unmodifiableMap(entries));
  }

  /** A known map of strings (empty maps included: an empty map is not null). */
  public static Value stringMap(Map<String, String> entries) {
    Map<String, Value> values = new TreeMap<>();
    entries.forEach((key, value) -> values.put(key, Value.string(value)));
    return Value.MapVal.of(CtyType.STRING, values);
  }
}
