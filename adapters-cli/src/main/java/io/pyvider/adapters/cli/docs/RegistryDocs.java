package io.pyvider.adapters.cli.docs;

import io.pyvider.adapters.cli.schema.TypeNames;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.NestedBlock;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The provider's registry documentation, rendered from the live schema and the examples: {@code docs/index.md}, and
 * one page per component under {@code docs/resources/}, {@code docs/data-sources/} and
 * {@code docs/ephemeral-resources/} in the Terraform Registry's format (front matter, description, Example Usage, and
 * a Schema section split into Required / Optional / Read-Only with types, descriptions, sensitivity and write-only
 * arguments), the layout terraform-plugin-docs produces. Beside each example, optional Markdown fragments add the
 * prose a schema cannot hold ({@value #OVERVIEW}, {@value #GUIDE}, {@value #REFERENCE}). Pure: examples and fragments
 * come in through a lookup.
 */
public final class RegistryDocs {

  /** The command that writes these pages, named in each page's header comment. */
  public static final String GENERATOR = "terraform-provider-pyvider docs generate";

  /** Prose placed after the description, before Example Usage. */
  public static final String OVERVIEW = "overview.md";
  /** Sections placed between Example Usage and Schema. */
  public static final String GUIDE = "guide.md";
  /** Sections placed after Schema (and Import). */
  public static final String REFERENCE = "reference.md";

  /**
   * The kinds of component the registry gives pages of their own, in terraform-plugin-docs' names: the page heading's
   * kind, the directory under docs/ and under examples/, and the example's file name there.
   */
  public enum ComponentKind {
    RESOURCE("Resource", "resources", "resource.tf", Outcomes.ProviderSchemas::resources),
    DATA_SOURCE("Data Source", "data-sources", "data-source.tf", Outcomes.ProviderSchemas::dataSources),
    EPHEMERAL_RESOURCE("Ephemeral Resource", "ephemeral-resources", "ephemeral-resource.tf",
        Outcomes.ProviderSchemas::ephemeralResources);

    private final String title;
    private final String directory;
    private final String exampleName;
    private final Function<Outcomes.ProviderSchemas, Map<String, Schema>> schemasOfKind;

    ComponentKind(String title, String directory, String exampleName,
        Function<Outcomes.ProviderSchemas, Map<String, Schema>> schemasOfKind) {
      this.title = title;
      this.directory = directory;
      this.exampleName = exampleName;
      this.schemasOfKind = schemasOfKind;
    }

    /** The directory of this kind's pages under docs/ (and of its examples under examples/). */
    public String directory() {
      return directory;
    }
  }

  private final String providerName;
  private final Outcomes.ProviderSchemas schemas;
  private final Function<String, Optional<String>> examples;

  /**
   * @param providerName the provider's local name ({@code pyvider}); type names start with it and an underscore
   * @param examples reads a file under {@code examples/} by relative path ({@code resources/<type>/resource.tf})
   */
  public RegistryDocs(String providerName, Outcomes.ProviderSchemas schemas,
      Function<String, Optional<String>> examples) {
    this.providerName = providerName;
    this.schemas = schemas;
    this.examples = examples;
  }

  /** Every page, by its path relative to the docs directory, in a stable order. */
  public Map<String, String> pages() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("index.md", index());
    for (ComponentKind kind : ComponentKind.values()) {
      new TreeMap<>(kind.schemasOfKind.apply(schemas)).forEach((type, schema) ->
          pages.put(kind.directory + "/" + shortName(type) + ".md", component(type, schema, kind)));
    }
    return pages;
  }

  /** The registry's file name of a component: its type name without the provider prefix. */
  public String shortName(String type) {
    String prefix = providerName + "_";
    return type.startsWith(prefix) ? type.substring(prefix.length()) : type;
  }

  private String index() {
    StringBuilder page = new StringBuilder();
    Block block = schemas.provider().block();
    frontMatter(page, providerName + " Provider", block.description(), "examples/provider/");
    page.append("# ").append(providerName).append(" Provider\n\n");
    body(page, block, "provider/", "provider.tf");
    return finish(page);
  }

  private String component(String type, Schema schema, ComponentKind kind) {
    StringBuilder page = new StringBuilder();
    String sources = kind.directory + "/" + type + "/";
    frontMatter(page, type + " " + kind.title + " - terraform-provider-" + providerName, schema.block().description(),
        "examples/" + sources);
    page.append("# ").append(type).append(" (").append(kind.title).append(")\n\n");
    body(page, schema.block(), sources, kind.exampleName);
    return finish(page);
  }

  /**
   * Description, overview.md, Example Usage, guide.md, Schema, Import (import.sh), reference.md: the hand-written
   * fragments beside the example carry the prose a schema description cannot (how rotation works, errors, import).
   */
  private void body(StringBuilder page, Block block, String sources, String exampleName) {
    paragraph(page, block.description());
    fragment(page, sources + OVERVIEW);
    examples.apply(sources + exampleName).filter(text -> !text.isBlank()).ifPresent(text ->
        page.append("## Example Usage\n\n```terraform\n").append(text.strip()).append("\n```\n\n"));
    fragment(page, sources + GUIDE);
    schemaSection(page, block);
    examples.apply(sources + "import.sh").filter(text -> !text.isBlank()).ifPresent(script ->
        page.append("## Import\n\nImport is supported using the following syntax:\n\n```shell\n")
            .append(script.strip()).append("\n```\n\n"));
    fragment(page, sources + REFERENCE);
  }

  private void fragment(StringBuilder page, String relativePath) {
    examples.apply(relativePath).filter(text -> !text.isBlank())
        .ifPresent(text -> page.append(text.strip()).append("\n\n"));
  }

  private static void frontMatter(StringBuilder page, String title, String description, String sources) {
    page.append("---\n")
        .append("# Generated by `").append(GENERATOR).append("` from the provider schema and ").append(sources)
        .append(". Do not edit: change the schema's descriptions or the files there, then run the command again.\n")
        .append("page_title: \"").append(title.replace("\"", "\\\"")).append("\"\n")
        .append("subcategory: \"\"\n")
        .append("description: |-\n");
    for (String line : description.strip().split("\n", -1)) {
      page.append(line.isBlank() ? "" : "  " + line.stripTrailing()).append('\n');
    }
    page.append("---\n\n");
  }

  private static void paragraph(StringBuilder page, String text) {
    if (!text.isBlank()) {
      page.append(text.strip()).append("\n\n");
    }
  }

  private static void schemaSection(StringBuilder page, Block block) {
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
    groups.forEach((heading, lines) -> {
      if (!lines.isEmpty()) {
        page.append(headingPrefix).append(heading).append(headingPrefix.isEmpty() ? ":" : "").append("\n\n");
        lines.forEach(line -> page.append(line).append('\n'));
        page.append('\n');
      }
    });
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
    StringBuilder line = new StringBuilder("- `").append(attribute.name()).append("` (")
        .append(String.join(", ", traits)).append(')');
    if (!attribute.description().isBlank()) {
      line.append(' ').append(attribute.description().strip().replace("\n", " "));
    }
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
    StringBuilder line = new StringBuilder("- `").append(type.typeName()).append("` (")
        .append(String.join(", ", traits)).append(')');
    if (!type.block().description().isBlank()) {
      line.append(' ').append(type.block().description().strip().replace("\n", " "));
    }
    return line.append(" (see [below for nested schema](#").append(anchor).append("))").toString();
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

  private static String finish(StringBuilder page) {
    String text = page.toString().stripTrailing();
    return text + "\n";
  }

  private record Nested(String anchor, String path, Block block, CtyType.ObjectOf object) {
  }
}
