package io.pyvider.application.port.out;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The plaintext of a resource's private state: a small sorted map of string fields (pyvider's attrs classes become a
 * msgpack map of the same shape). Values are secrets: {@link #toString()} shows only the field names.
 */
public final class PrivateData {

  public static final PrivateData EMPTY = new PrivateData(Map.of());

  private final SortedMap<String, String> fields;

  private PrivateData(Map<String, String> fields) {
    this.fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
  }

  public static PrivateData of(Map<String, String> fields) {
    return fields.isEmpty() ? EMPTY : new PrivateData(fields);
  }

  public Optional<String> get(String field) {
    return Optional.ofNullable(fields.get(field));
  }

  public SortedMap<String, String> fields() {
    return fields;
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PrivateData p && p.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "PrivateData" + fields.keySet() + " (values redacted)";
  }
}
