package io.pyvider.application.component;

import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Schema;

/**
 * The SPI a list resource implements (Terraform 1.14, {@code terraform query}): finds existing objects of the managed
 * resource type of the same name and streams them, one at a time, so a large result is never held in memory.
 */
public interface ListResource {

  /** The managed resource type listed; it must declare an identity. */
  String typeName();

  /** The schema of the {@code list} block's {@code config}. */
  Schema schema();

  /** Checks configuration, which may contain unknown values. */
  default Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    return Diagnostics.NONE;
  }

  /**
   * Streams the objects {@code config} selects into {@code sink}, in a stable order, until there are no more or the
   * sink refuses one (limit reached, Terraform stopped reading). Returns diagnostics about the listing as a whole,
   * such as a directory that does not exist.
   */
  Diagnostics list(Value.ObjectVal config, boolean includeResourceObject, ProviderContext provider, Sink sink);

  /** Receives listed objects; {@code false} means stop producing. */
  @FunctionalInterface
  interface Sink {
    boolean accept(Listed listed);
  }

  /**
   * One listed object: its identity, a name for people, and (only when asked for) the full managed state, as import
   * would produce it. Diagnostics are per object (a file that cannot be read).
   */
  record Listed(String displayName, Value.ObjectVal identity, java.util.Optional<Value.ObjectVal> resourceObject,
      Diagnostics diagnostics) {
    public Listed {
      java.util.Objects.requireNonNull(displayName, "displayName");
      java.util.Objects.requireNonNull(identity, "identity");
      resourceObject = resourceObject == null ? java.util.Optional.empty() : resourceObject;
      diagnostics = diagnostics == null ? Diagnostics.NONE : diagnostics;
    }
  }
}
