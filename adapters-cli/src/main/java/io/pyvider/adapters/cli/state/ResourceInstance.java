package io.pyvider.adapters.cli.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One object of a version-4 state file: a resource instance (or one of its deposed objects) with its address, stored
 * attributes and sealed private state.
 *
 * @param address the instance address as Terraform prints it, e.g. {@code module.a.pyvider_timed_token.t["x"]}
 * @param module the module path ({@code module.a}), empty for the root module
 * @param mode {@code managed} or {@code data}
 * @param indexKey an {@code Integer}/{@code Long} (count) or {@code String} (for_each) key, or null
 * @param deposed the deposed-object key, or null for the current object
 * @param status the instance status ({@code tainted}), or null
 * @param hasPrivateState whether the state holds sealed private state for it (read or not)
 * @param attributes the stored attributes object; null when the state holds none (legacy flat-map state) or when the
 *     read's {@link Selection} did not ask for them
 * @param privateBase64 the sealed private state as stored (base64); null when absent or not asked for
 */
public record ResourceInstance(String address, String module, String mode, String type, String name, Object indexKey,
    String deposed, String status, long schemaVersion, boolean hasPrivateState, JsonNode attributes,
    String privateBase64) {

  /** Whether this is a managed resource (not a data source). */
  public boolean managed() {
    return "managed".equals(mode);
  }

  /** The address of the resource this instance belongs to (no index key). */
  public String resourceAddress() {
    return Addresses.resource(module, mode, type, name);
  }

  /** The address, plus {@code (deposed object KEY)} for a deposed object. */
  public String displayAddress() {
    return deposed == null ? address : address + " (deposed object " + deposed + ")";
  }

  /** A top-level attribute as text, when stored as a JSON string. */
  public Optional<String> text(String attribute) {
    if (attributes == null) {
      return Optional.empty();
    }
    JsonNode value = attributes.get(attribute);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /** A top-level attribute, if stored (JSON null counts as stored). */
  public Optional<JsonNode> attribute(String attribute) {
    return attributes == null ? Optional.empty() : Optional.ofNullable(attributes.get(attribute));
  }
}
