package io.pyvider.domain.terraform.schema;

import io.pyvider.domain.terraform.cty.CtyType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A managed resource type's identity (Terraform 1.12): the few attributes that name one remote object for as long as
 * it lives, versioned separately from the resource schema. Import blocks may give it instead of an id.
 */
public record IdentitySchema(long version, List<IdentityAttribute> attributes) {

  public IdentitySchema {
    if (version < 0) {
      throw new IllegalArgumentException("identity version must not be negative");
    }
    attributes = List.copyOf(attributes);
    if (attributes.isEmpty()) {
      throw new IllegalArgumentException("an identity has at least one attribute");
    }
    Map<String, IdentityAttribute> seen = new LinkedHashMap<>();
    for (IdentityAttribute attribute : attributes) {
      if (seen.put(attribute.name(), attribute) != null) {
        throw new IllegalArgumentException("identity attribute \"" + attribute.name() + "\" declared twice");
      }
    }
  }

  /** One identity attribute: its type and whether an import block must or may give it. */
  public record IdentityAttribute(String name, CtyType type, boolean requiredForImport, boolean optionalForImport,
      String description) {
    public IdentityAttribute {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      description = description == null ? "" : description;
      if (requiredForImport && optionalForImport) {
        throw new IllegalArgumentException(name + ": required and optional for import at once");
      }
    }
  }

  /** The object type identity values have. */
  public CtyType.ObjectOf impliedType() {
    Map<String, CtyType> types = new TreeMap<>();
    attributes.forEach(attribute -> types.put(attribute.name(), attribute.type()));
    return new CtyType.ObjectOf(types);
  }
}
