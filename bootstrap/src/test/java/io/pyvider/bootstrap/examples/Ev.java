package io.pyvider.bootstrap.examples;

import io.pyvider.domain.terraform.cty.Value;
import java.util.Collection;
import java.util.Map;

/**
 * An evaluated expression: the value, and the marks Terraform would carry on it. Terraform's marks sit on values at
 * any depth; these examples only need "contains a marked value anywhere", which is what functions (cty function.Call
 * unmarks deeply and marks the result), templates, operators and Terraform's rules ("Output refers to sensitive
 * values", "Invalid use of ephemeral value": marks.Contains) look at. The one place depth matters, an attribute of a
 * resource, is exact: {@code sensitiveByAttribute} holds the schema's sensitive flags of a resource or data-source
 * object, so {@code pyvider_timed_token.x.id} is not sensitive while {@code .token} is.
 */
record Ev(Value value, Marks marks, Map<String, Boolean> sensitiveByAttribute) {

  /** The two marks of terraform internal/lang/marks the examples meet. */
  record Marks(boolean sensitive, boolean ephemeral) {
    static final Marks NONE = new Marks(false, false);
    static final Marks SENSITIVE = new Marks(true, false);
    static final Marks EPHEMERAL = new Marks(false, true);

    Marks and(Marks other) {
      return new Marks(sensitive || other.sensitive, ephemeral || other.ephemeral);
    }

    Marks withSensitive(boolean isSensitive) {
      return new Marks(isSensitive, ephemeral);
    }

    /** What a value built from these parts carries: every mark any part has. */
    static Marks of(Collection<Ev> parts) {
      Marks all = NONE;
      for (Ev part : parts) {
        all = all.and(part.marks());
      }
      return all;
    }
  }

  static Ev of(Value value) {
    return new Ev(value, Marks.NONE, null);
  }

  static Ev of(Value value, Marks marks) {
    return new Ev(value, marks, null);
  }

  boolean sensitive() {
    return marks.sensitive();
  }

  /** Derived from an ephemeral resource: Terraform lets it reach write-only arguments, never the state. */
  boolean ephemeral() {
    return marks.ephemeral();
  }
}
