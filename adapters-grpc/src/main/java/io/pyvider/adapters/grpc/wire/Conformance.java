package io.pyvider.adapters.grpc.wire;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.Iterator;
import java.util.Map;

/** Checks, while encoding, that a value has the declared type; a mismatch is a programming error, not bad input. */
final class Conformance {
  private Conformance() {
  }

  /** Whether a value of type {@code actual} may be written where {@code declared} is expected. */
  static boolean conforms(CtyType actual, CtyType declared) {
    if (actual.equals(declared) || actual == CtyType.DYNAMIC || declared == CtyType.DYNAMIC) {
      return true;
    }
    if (actual instanceof CtyType.ListOf a && declared instanceof CtyType.ListOf d) {
      return conforms(a.element(), d.element());
    }
    if (actual instanceof CtyType.SetOf a && declared instanceof CtyType.SetOf d) {
      return conforms(a.element(), d.element());
    }
    if (actual instanceof CtyType.MapOf a && declared instanceof CtyType.MapOf d) {
      return conforms(a.element(), d.element());
    }
    if (actual instanceof CtyType.TupleOf a && declared instanceof CtyType.TupleOf d) {
      if (a.elements().size() != d.elements().size()) {
        return false;
      }
      for (int i = 0; i < a.elements().size(); i++) {
        if (!conforms(a.elements().get(i), d.elements().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (actual instanceof CtyType.ObjectOf a && declared instanceof CtyType.ObjectOf d) {
      if (!a.attributes().keySet().equals(d.attributes().keySet())) {
        return false;
      }
      Iterator<Map.Entry<String, CtyType>> ia = a.attributes().entrySet().iterator();
      for (CtyType dt : d.attributes().values()) {
        if (!conforms(ia.next().getValue(), dt)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Checks the value's own shape against the declared (non-dynamic) type, one level deep: the encoder recurses
   * into elements itself, so checking whole value types at every level would be quadratic.
   */
  static void check(Value value, CtyType declared, AttributePath path) {
    boolean ok;
    if (value instanceof Value.Null || value instanceof Value.Unknown) {
      ok = conforms(value.type(), declared);
    } else if (value instanceof Value.Str) {
      ok = declared == CtyType.STRING;
    } else if (value instanceof Value.Num) {
      ok = declared == CtyType.NUMBER;
    } else if (value instanceof Value.Bool) {
      ok = declared == CtyType.BOOL;
    } else if (value instanceof Value.ListVal v) {
      ok = declared instanceof CtyType.ListOf d && conforms(v.elementType(), d.element());
    } else if (value instanceof Value.SetVal v) {
      ok = declared instanceof CtyType.SetOf d && conforms(v.elementType(), d.element());
    } else if (value instanceof Value.MapVal v) {
      ok = declared instanceof CtyType.MapOf d && conforms(v.elementType(), d.element());
    } else if (value instanceof Value.TupleVal v) {
      ok = declared instanceof CtyType.TupleOf d && d.elements().size() == v.elements().size();
    } else if (value instanceof Value.ObjectVal v) {
      ok = declared instanceof CtyType.ObjectOf d && d.attributes().keySet().equals(v.attributes().keySet());
    } else {
      ok = false;
    }
    if (!ok) {
      throw new IllegalArgumentException("a value of type " + value.type().toJson() + " cannot be encoded as "
          + declared.toJson() + (path.isRoot() ? "" : " at " + path));
    }
  }
}
