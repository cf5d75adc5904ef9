package io.pyvider.domain.terraform.diag;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** An immutable list of diagnostics; results carry these instead of throwing. */
public final class Diagnostics implements Iterable<Diagnostic> {

  public static final Diagnostics NONE = new Diagnostics(List.of());

  private final List<Diagnostic> items;

  private Diagnostics(List<Diagnostic> items) {
    this.items = List.copyOf(items);
  }

  public static Diagnostics of(Diagnostic... diagnostics) {
    return new Diagnostics(List.of(diagnostics));
  }

  public static Diagnostics of(List<Diagnostic> diagnostics) {
    return new Diagnostics(diagnostics);
  }

  public Diagnostics plus(Diagnostic diagnostic) {
    List<Diagnostic> more = new ArrayList<>(items);
    more.add(diagnostic);
    return new Diagnostics(more);
  }

  public Diagnostics plus(Diagnostics others) {
    if (others.items.isEmpty()) {
      return this;
    }
    List<Diagnostic> more = new ArrayList<>(items);
    more.addAll(others.items);
    return new Diagnostics(more);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public List<Diagnostic> asList() {
    return items;
  }

  @Override
  public Iterator<Diagnostic> iterator() {
    return items.iterator();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Diagnostics d && d.items.equals(items);
  }

  @Override
  public int hashCode() {
    return items.hashCode();
  }

  @Override
  public String toString() {
    return items.toString();
  }
}
