package io.pyvider.adapters.cli.schema;

import io.pyvider.domain.terraform.cty.CtyType;

/** Types as people read them: {@code String}, {@code Map of String}, {@code List of Object} (registry docs style). */
public final class TypeNames {

  private TypeNames() {
  }

  /** The registry-docs name of a type (terraform-plugin-docs' wording). */
  public static String of(CtyType type) {
    if (type instanceof CtyType.Primitive primitive) {
      return switch (primitive) {
        case STRING -> "String";
        case NUMBER -> "Number";
        case BOOL -> "Boolean";
      };
    }
    if (type instanceof CtyType.ListOf list) {
      return "List of " + of(list.element());
    }
    if (type instanceof CtyType.SetOf set) {
      return "Set of " + of(set.element());
    }
    if (type instanceof CtyType.MapOf map) {
      return "Map of " + of(map.element());
    }
    if (type instanceof CtyType.TupleOf) {
      return "Tuple";
    }
    if (type instanceof CtyType.ObjectOf) {
      return "Object";
    }
    return "Dynamic";
  }

  /** The HCL type-constraint form: {@code string}, {@code map(string)}, {@code list(object({…}))}. */
  public static String hcl(CtyType type) {
    if (type instanceof CtyType.Primitive primitive) {
      return primitive.typeName();
    }
    if (type instanceof CtyType.ListOf list) {
      return "list(" + hcl(list.element()) + ")";
    }
    if (type instanceof CtyType.SetOf set) {
      return "set(" + hcl(set.element()) + ")";
    }
    if (type instanceof CtyType.MapOf map) {
      return "map(" + hcl(map.element()) + ")";
    }
    if (type instanceof CtyType.TupleOf tuple) {
      return "tuple([" + String.join(", ", tuple.elements().stream().map(TypeNames::hcl).toList()) + "])";
    }
    if (type instanceof CtyType.ObjectOf object) {
      StringBuilder out = new StringBuilder("object({");
      boolean first = true;
      for (var attribute : object.attributes().entrySet()) {
        out.append(first ? "" : ", ").append(attribute.getKey()).append(" = ").append(hcl(attribute.getValue()));
        first = false;
      }
      return out.append("})").toString();
    }
    return "any";
  }
}
