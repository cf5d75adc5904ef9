package io.pyvider.adapters.cli.docs;

import io.pyvider.adapters.cli.schema.TypeNames;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.NestedBlock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The Markdown terraform-plugin-docs renders for a schema: a block's Required / Optional / Read-Only lists with nested
 * schemas after them, an identity schema split by what import needs, and a function's signature and arguments.
 */
final class SchemaMarkdown {

  private SchemaMarkdown() {
  }

  /** {@code ## Schema} for a block; nested blocks and object types get their own sections after it. */
  static void schema(StringBuilder page, Block block) {
    page.append("## Schema\n\n");
    List<Nested> nested = new ArrayList<>();
    groups(page, block, "", "### ", nested);
    for (int i = 0; i < nested.size(); i++) {
      Nested next = nested.get(i);
      page.append("<a id=\"").append(next.anchor()).append("\"></a>\n")
          .append("### Nested Schema for `").append(next.path()).append("`\n\n");
      if (next.block() != null) {
        groups(page, next.block(), next.path() + ".", "", nested);
      } else {
        objectAttributes(page, next.object(), next.path() + ".", nested);
      }
    }
  }

  /**
   * {@code ### Identity Schema}: attributes an import block must give under Required, the others (which it may give)
   * under Optional, each with its type and description.
   */
  static void identity(StringBuilder page, IdentitySchema identity) {
    page.append("### Identity Schema\n\n");
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put("Required", new ArrayList<>());
    groups.put("Optional", new ArrayList<>());
    identity.attributes().stream().sorted(Comparator.comparing(IdentitySchema.IdentityAttribute::name))
        .forEach(attribute -> groups.get(attribute.requiredForImport() ? "Required" : "Optional")
            .add(line("- ", attribute.name(), List.of(TypeNames.of(attribute.type())), attribute.description())));
    write(page, groups, heading -> "#### " + heading);
  }

  /** {@code name(param type, ...) type}, with go-cty's friendly type names, as Terraform shows signatures. */
  static String signature(FunctionDeclaration declaration) {
    return declaration.name() + "(" + declaration.parameters().stream()
        .map(parameter -> parameter.name() + " " + TypeNames.friendly(parameter.type()))
        .collect(Collectors.joining(", ")) + ") " + TypeNames.friendly(declaration.returnType());
  }

  /** One numbered line a parameter, in order: {@code 1. `name` (String, Nullable) description}. */
  static void arguments(StringBuilder page, FunctionDeclaration declaration) {
    for (FunctionDeclaration.Parameter parameter : declaration.parameters()) {
      List<String> traits = new ArrayList<>(List.of(TypeNames.of(parameter.type())));
      if (parameter.allowNull()) {
        traits.add("Nullable");
      }
      page.append(line("1. ", parameter.name(), traits, parameter.description())).append('\n');
    }
    page.append('\n');
  }

  /** Required, Optional and Read-Only lists; nested blocks and object types are queued for their own sections. */
  private static void groups(StringBuilder page, Block block, String pathPrefix, String headingPrefix,
      List<Nested> nested) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put("Required", new ArrayList<>());
    groups.put("Optional", new ArrayList<>());
    groups.put("Read-Only", new ArrayList<>());
    new TreeMap<>(block.attributes()).forEach((name, attribute) -> {
      String group = attribute.required() ? "Required" : attribute.optional() ? "Optional" : "Read-Only";
      groups.get(group).add(attributeLine(attribute, pathPrefix, nested));
    });
    new TreeMap<>(block.blockTypes()).forEach((name, type) -> {
      String group = type.minItems() > 0 ? "Required" : "Optional";
      groups.get(group).add(blockLine(type, pathPrefix, nested));
    });
    write(page, groups, heading -> headingPrefix + heading + (headingPrefix.isEmpty() ? ":" : ""));
  }

  /** Each group that has lines: its heading, then its lines. */
  private static void write(StringBuilder page, Map<String, List<String>> groups, UnaryOperator<String> heading) {
    groups.forEach((name, lines) -> {
      if (!lines.isEmpty()) {
        page.append(heading.apply(name)).append("\n\n");
        lines.forEach(line -> page.append(line).append('\n'));
        page.append('\n');
      }
    });
  }

  /** {@code - `name` (traits) description}, the description on one line. */
  private static String line(String bullet, String name, List<String> traits, String description) {
    StringBuilder line = new StringBuilder(bullet).append('`').append(name).append("` (")
        .append(String.join(", ", traits)).append(')');
    if (!description.isBlank()) {
      line.append(' ').append(description.strip().replace("\n", " "));
    }
    return line.toString();
  }

  private static String attributeLine(Attribute attribute, String pathPrefix, List<Nested> nested) {
    List<String> traits = new ArrayList<>();
    traits.add(TypeNames.of(attribute.type()));
    if (attribute.sensitive()) {
      traits.add("Sensitive");
    }
    if (attribute.writeOnly()) {
      traits.add("Write-only");
    }
    if (attribute.deprecated()) {
      traits.add("Deprecated");
    }
    StringBuilder line = new StringBuilder(line("- ", attribute.name(), traits, attribute.description()));
    objectOf(attribute.type()).ifPresent(object -> {
      String anchor = "nestedatt--" + (pathPrefix + attribute.name()).replace('.', '-');
      nested.add(new Nested(anchor, pathPrefix + attribute.name(), null, object));
      line.append(" (see [below for nested schema](#").append(anchor).append("))");
    });
    return line.toString();
  }

  private static String blockLine(NestedBlock type, String pathPrefix, List<Nested> nested) {
    String kind = switch (type.nesting()) {
      case SINGLE, GROUP -> "Block";
      case LIST -> "Block List";
      case SET -> "Block Set";
      case MAP -> "Block Map";
    };
    List<String> traits = new ArrayList<>(List.of(kind));
    if (type.minItems() > 0 && type.nesting() != NestedBlock.Nesting.SINGLE) {
      traits.add("Min: " + type.minItems());
    }
    if (type.maxItems() > 0 && type.nesting() != NestedBlock.Nesting.SINGLE) {
      traits.add("Max: " + type.maxItems());
    }
    if (type.block().deprecated()) {
      traits.add("Deprecated");
    }
    String anchor = "nestedblock--" + (pathPrefix + type.typeName()).replace('.', '-');
    nested.add(new Nested(anchor, pathPrefix + type.typeName(), type.block(), null));
    return line("- ", type.typeName(), traits, type.block().description())
        + " (see [below for nested schema](#" + anchor + "))";
  }

  private static void objectAttributes(StringBuilder page, CtyType.ObjectOf object, String pathPrefix,
      List<Nested> nested) {
    page.append("Attributes:\n\n");
    object.attributes().forEach((name, type) -> {
      StringBuilder line = new StringBuilder("- `").append(name).append("` (").append(TypeNames.of(type))
          .append(object.optional().contains(name) ? ", Optional" : "").append(')');
      objectOf(type).ifPresent(inner -> {
        String anchor = "nestedobjatt--" + (pathPrefix + name).replace('.', '-');
        nested.add(new Nested(anchor, pathPrefix + name, null, inner));
        line.append(" (see [below for nested schema](#").append(anchor).append("))");
      });
      page.append(line).append('\n');
    });
    page.append('\n');
  }

  /** The object type inside an attribute's type (itself, or the element of a collection of objects). */
  private static Optional<CtyType.ObjectOf> objectOf(CtyType type) {
    if (type instanceof CtyType.ObjectOf object) {
      return Optional.of(object);
    }
    if (type instanceof CtyType.ListOf list) {
      return objectOf(list.element());
    }
    if (type instanceof CtyType.SetOf set) {
      return objectOf(set.element());
    }
    if (type instanceof CtyType.MapOf map) {
      return objectOf(map.element());
    }
    return Optional.empty();
  }

  private record Nested(String anchor, String path, Block block, CtyType.ObjectOf object) {
  }
}
