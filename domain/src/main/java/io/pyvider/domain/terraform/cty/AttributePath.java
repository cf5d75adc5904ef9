package io.pyvider.domain.terraform.cty;

import java.util.List;
import java.util.Objects;

/**
 * Where in a value something is: a sequence of attribute names and element keys, as Terraform's diagnostics and
 * {@code requires_replace} carry them. {@link #ROOT} is the whole value. Immutable; paths with the same steps are equal.
 *
 * <p>A path shares its parent's steps: decoders extend one for every element they read, and a copy per step would cost
 * as much as the path is deep, up to 256 times the input for a hostile value.
 */
public final class AttributePath {

  public static final AttributePath ROOT = new AttributePath(null, null);

  private final AttributePath parent; // null for the root
  private final Step last; // null for the root
  private final int size;
  private List<Step> steps; // made on first use; a race makes equal lists

  public AttributePath(List<Step> steps) {
    List<Step> copy = List.copyOf(steps);
    AttributePath prefix = null;
    for (int i = 0; i < copy.size() - 1; i++) {
      prefix = (prefix == null ? ROOT : prefix).append(copy.get(i));
    }
    this.parent = copy.isEmpty() ? null : prefix == null ? ROOT : prefix;
    this.last = copy.isEmpty() ? null : copy.get(copy.size() - 1);
    this.size = copy.size();
    this.steps = copy;
  }

  private AttributePath(AttributePath parent, Step last) {
    this.parent = parent;
    this.last = last;
    this.size = parent == null ? 0 : parent.size + 1;
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
    return size == 0;
  }

  /** The steps from the root, in order. */
  public List<Step> steps() {
    List<Step> made = steps;
    if (made == null) {
      Step[] all = new Step[size];
      AttributePath at = this;
      for (int i = size - 1; i >= 0; i--) {
        all[i] = at.last;
        at = at.parent;
      }
      made = List.of(all);
      steps = made;
    }
    return made;
  }

  private AttributePath append(Step step) {
    return new AttributePath(this, step);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AttributePath path && path.size == size && path.steps().equals(steps());
  }

  @Override
  public int hashCode() {
    return steps().hashCode();
  }

  /** Terraform's own rendering: {@code keepers["a"]}, {@code list[0]}, {@code block.attr}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Step step : steps()) {
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
