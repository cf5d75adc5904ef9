package io.pyvider.bootstrap.examples;

import io.pyvider.domain.terraform.cty.Value;
import java.util.Map;

/**
 * An evaluated expression: the value, and whether it is (or contains) a value Terraform marks sensitive.
 * Terraform's marks sit on values at any depth; these examples only need "contains a sensitive value anywhere", which
 * is what functions (cty function.Call unmarks deeply and marks the result), templates, operators and the output rule
 * ("Output refers to sensitive values", marks.Contains) look at. The one place depth matters, an attribute of a
 * resource, is exact: {@code attributeMarks} holds the schema's sensitive flags of a resource or data-source object,
 * so {@code pyvider_timed_token.x.id} is not sensitive while {@code .token} is.
 */
record Ev(Value value, boolean sensitive, Map<String, Boolean> attributeMarks) {

  static Ev of(Value value) {
    return new Ev(value, false, null);
  }

  static Ev of(Value value, boolean sensitive) {
    return new Ev(value, sensitive, null);
  }
}
