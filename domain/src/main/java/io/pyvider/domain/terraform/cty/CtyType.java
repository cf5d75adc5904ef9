package io.pyvider.domain.terraform.cty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A type of Terraform's type system (cty): primitives, collections, structural types and the dynamic
 * pseudo-type. Types are values: two equal types are interchangeable.
 */
public sealed interface CtyType {

  CtyType STRING = Primitive.STRING;
  CtyType NUMBER = Primitive.NUMBER;
  CtyType BOOL = Primitive.BOOL;
  CtyType DYNAMIC = Dynamic.DYNAMIC;

  /** The type's JSON form, as used in schemas and in dynamic values (e.g. {@code ["map","string"]}). */
  String toJson();

  static CtyType listOf(CtyType element) {
    return new ListOf(element);
  }

  static CtyType setOf(CtyType element) {
    return new SetOf(element);
  }

  static CtyType mapOf(CtyType element) {
    return new MapOf(element);
  }

  /** The primitive types. */
  enum Primitive implements CtyType {
    STRING("string"), NUMBER("number"), BOOL("bool");

    private final String json;

    Primitive(String json) {
      this.json = json;
    }

    @Override
    public String toJson() {
      return '"' + json + '"';
    }

    public String typeName() {
      return json;
    }
  }

  /** The dynamic pseudo-type: the concrete type is decided per value. */
  enum Dynamic implements CtyType {
    DYNAMIC;

    @Override
    public String toJson() {
      return "\"dynamic\"";
    }
  }

  /** A list of elements of one type. */
  record ListOf(CtyType element) implements CtyType {
    public ListOf {
      java.util.Objects.requireNonNull(element, "element");
    }

    @Override
    public String toJson() {
      return "[\"list\"," + element.toJson() + "]";
    }
  }

  /** A set of elements of one type. */
  record SetOf(CtyType element) implements CtyType {
    public SetOf {
      java.util.Objects.requireNonNull(element, "element");
    }

    @Override
    public String toJson() {
      return "[\"set\"," + element.toJson() + "]";
    }
  }

  /** A map from string keys to elements of one type. */
  record MapOf(CtyType element) implements CtyType {
    public MapOf {
      java.util.Objects.requireNonNull(element, "element");
    }

    @Override
    public String toJson() {
      return "[\"map\"," + element.toJson() + "]";
    }
  }

  /** A fixed-length sequence whose elements each have their own type. */
  record TupleOf(List<CtyType> elements) implements CtyType {
    public TupleOf {
      elements = List.copyOf(elements);
    }

    @Override
    public String toJson() {
      StringBuilder out = new StringBuilder("[\"tuple\",[");
      for (int i = 0; i < elements.size(); i++) {
        out.append(i == 0 ? "" : ",").append(elements.get(i).toJson());
      }
      return out.append("]]").toString();
    }
  }

  /**
   * An object with named attributes, sorted by name (cty's own order); {@code optional} names the attributes
   * that a conversion may leave out (type constraints only).
   */
  record ObjectOf(Map<String, CtyType> attributes, Set<String> optional) implements CtyType {
    public ObjectOf {
      attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
      optional = Collections.unmodifiableSet(new TreeSet<>(optional));
      if (!attributes.keySet().containsAll(optional)) {
        throw new IllegalArgumentException("optional attributes " + optional + " are not all attributes of the object");
      }
    }

    public ObjectOf(Map<String, CtyType> attributes) {
      this(attributes, Set.of());
    }

    public static ObjectOf of(Object... namesAndTypes) {
      Map<String, CtyType> attributes = new LinkedHashMap<>();
      for (int i = 0; i < namesAndTypes.length; i += 2) {
        attributes.put((String) namesAndTypes[i], (CtyType) namesAndTypes[i + 1]);
      }
      return new ObjectOf(attributes);
    }

    @Override
    public String toJson() {
      StringBuilder out = new StringBuilder("[\"object\",{");
      boolean first = true;
      for (Map.Entry<String, CtyType> attribute : attributes.entrySet()) {
        out.append(first ? "" : ",").append(JsonText.quote(attribute.getKey())).append(':')
            .append(attribute.getValue().toJson());
        first = false;
      }
      out.append('}');
      if (!optional.isEmpty()) {
        out.append(",[");
        first = true;
        for (String name : optional) {
          out.append(first ? "" : ",").append(JsonText.quote(name));
          first = false;
        }
        out.append(']');
      }
      return out.append(']').toString();
    }
  }
}
