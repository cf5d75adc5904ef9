package io.pyvider.domain.terraform.cty;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where in a value something is: a sequence of attribute names and element keys, as Terraform's diagnostics and
 * {@code requires_replace} carry them. {@link #ROOT} is the whole value.
 */
public record AttributePath(List<Step> steps) {

  public static final AttributePath ROOT = new AttributePath(List.of());

  public AttributePath {
    steps = List.copyOf(steps);
  }

  public static AttributePath attribute(String name) {
    return ROOT.then(name);
  }

  public AttributePath then(String attributeName) {
    return append(new Step.AttributeName(attributeName));
  }

  public AttributePath key(String elementKey) {
    return append(new Step.ElementKeyString(elementKey));
  }

  public AttributePath index(long elementIndex) {
    return append(new Step.ElementKeyInt(elementIndex));
  }

  public boolean isRoot() {
    return steps.isEmpty();
  }

  private AttributePath append(Step step) {
    List<Step> more = new ArrayList<>(steps);
    more.add(step);
    return new AttributePath(more);
  }

  /** Terraform's own rendering: {@code keepers["a"]}, {@code list[0]}, {@code block.attr}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Step step : steps) {
      if (step instanceof Step.AttributeName a) {
        out.append(out.length() == 0 ? "" : ".").append(a.name());
      } else if (step instanceof Step.ElementKeyString k) {
        out.append('[').append(JsonText.quote(k.key())).append(']');
      } else if (step instanceof Step.ElementKeyInt i) {
        out.append('[').append(i.index()).append(']');
      }
    }
    return out.toString();
  }

  /** One step of a path. */
  public sealed interface Step {
    /** Into an object's attribute (or a block). */
    record AttributeName(String name) implements Step {
      public AttributeName {
        Objects.requireNonNull(name, "name");
      }
    }

    /** Into a map element. */
    record ElementKeyString(String key) implements Step {
      public ElementKeyString {
        Objects.requireNonNull(key, "key");
      }
    }

    /** Into a list or tuple element. */
    record ElementKeyInt(long index) implements Step {
    }
  }
}
