package io.pyvider.adapters.cli.schema;

import io.pyvider.domain.terraform.cty.CtyType;

/** Types as people read them: {@code String}, {@code Map of String}, {@code List of Object} (registry docs style). */
public final class TypeNames {

  private TypeNames() {
  }

  /** The words a naming style uses; collections are a prefix before their element's name. */
  private record Words(String string, String number, String bool, String list, String set, String map, String tuple,
      String object, String dynamic) {
  }

  private static final Words REGISTRY =
      new Words("String", "Number", "Boolean", "List of ", "Set of ", "Map of ", "Tuple", "Object", "Dynamic");
  private static final Words CTY =
      new Words("string", "number", "bool", "list of ", "set of ", "map of ", "tuple", "object", "dynamic");

  /** The registry-docs name of a type (terraform-plugin-docs' wording). */
  public static String of(CtyType type) {
    return spelled(type, REGISTRY);
  }

  /**
   * go-cty's {@code FriendlyName}, which Terraform and terraform-plugin-docs use in function signatures:
   * {@code string}, {@code list of string}, {@code object}, {@code dynamic}.
   */
  public static String friendly(CtyType type) {
    return spelled(type, CTY);
  }

  private static String spelled(CtyType type, Words words) {
    if (type instanceof CtyType.Primitive primitive) {
      return switch (primitive) {
        case STRING -> words.string();
        case NUMBER -> words.number();
        case BOOL -> words.bool();
      };
    }
    if (type instanceof CtyType.ListOf list) {
      return words.list() + spelled(list.element(), words);
    }
    if (type instanceof CtyType.SetOf set) {
      return words.set() + spelled(set.element(), words);
    }
    if (type instanceof CtyType.MapOf map) {
      return words.map() + spelled(map.element(), words);
    }
    if (type instanceof CtyType.TupleOf) {
      return words.tuple();
    }
    if (type instanceof CtyType.ObjectOf) {
      return words.object();
    }
    return words.dynamic();
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
