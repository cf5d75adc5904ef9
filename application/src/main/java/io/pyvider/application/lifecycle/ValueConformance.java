package io.pyvider.application.lifecycle;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Checks that a value has the shape of a type (Terraform's "conforms to schema"), reporting the first mismatch. */
final class ValueConformance {

  private ValueConformance() {
  }

  static Optional<String> problem(Value value, CtyType type, AttributePath path) {
    if (type == CtyType.DYNAMIC || value.isNull() || !value.isKnown()) {
      return Optional.empty();
    }
    if (type instanceof CtyType.Primitive primitive) {
      boolean ok = switch (primitive) {
        case STRING -> value instanceof Value.Str;
        case NUMBER -> value instanceof Value.Num;
        case BOOL -> value instanceof Value.Bool;
      };
      return ok ? Optional.empty() : mismatch(path, type, value);
    }
    if (type instanceof CtyType.ListOf list && value instanceof Value.ListVal l) {
      for (int i = 0; i < l.elements().size(); i++) {
        Optional<String> inner = problem(l.elements().get(i), list.element(), path.index(i));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (type instanceof CtyType.SetOf set && value instanceof Value.SetVal s) {
      for (Value element : s.elements()) {
        Optional<String> inner = problem(element, set.element(), path);
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (type instanceof CtyType.MapOf map && value instanceof Value.MapVal m) {
      for (Map.Entry<String, Value> entry : m.entries().entrySet()) {
        Optional<String> inner = problem(entry.getValue(), map.element(), path.key(entry.getKey()));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (type instanceof CtyType.TupleOf tuple && value instanceof Value.TupleVal t) {
      if (tuple.elements().size() != t.elements().size()) {
        return Optional.of(path + ": a tuple of " + tuple.elements().size() + " elements is required");
      }
      for (int i = 0; i < t.elements().size(); i++) {
        Optional<String> inner = problem(t.elements().get(i), tuple.elements().get(i), path.index(i));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (type instanceof CtyType.ObjectOf object && value instanceof Value.ObjectVal o) {
      if (!object.attributes().keySet().equals(o.attributes().keySet())) {
        return Optional.of(where(path) + "attributes " + o.attributes().keySet() + " do not match the schema's "
            + object.attributes().keySet());
      }
      Iterator<Map.Entry<String, CtyType>> types = object.attributes().entrySet().iterator();
      while (types.hasNext()) {
        Map.Entry<String, CtyType> attribute = types.next();
        Optional<String> inner = problem(o.get(attribute.getKey()), attribute.getValue(), path.then(attribute.getKey()));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    return mismatch(path, type, value);
  }

  private static Optional<String> mismatch(AttributePath path, CtyType type, Value value) {
    return Optional.of(where(path) + type.toJson() + " is required, got " + value.type().toJson());
  }

  private static String where(AttributePath path) {
    return path.isRoot() ? "" : path + ": ";
  }
}
