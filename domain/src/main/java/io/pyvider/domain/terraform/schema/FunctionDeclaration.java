package io.pyvider.domain.terraform.schema;

import io.pyvider.domain.terraform.cty.CtyType;
import java.util.List;
import java.util.Objects;

/**
 * A provider function's signature and documentation (Terraform 1.8): what {@code provider::pyvider::name(...)} takes
 * and returns. Parameters are positional; none is variadic.
 */
public record FunctionDeclaration(String name, String summary, String description, List<Parameter> parameters,
    CtyType returnType) {

  public FunctionDeclaration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(description, "description");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(returnType, "returnType");
  }

  /** One parameter; Terraform refuses null (and waits for unknown) arguments unless it allows them. */
  public record Parameter(String name, CtyType type, String description, boolean allowNull, boolean allowUnknown) {
    public Parameter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      description = description == null ? "" : description;
    }
  }
}
