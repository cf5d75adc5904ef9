package io.pyvider.adapters.cli.docs;

import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The provider's registry documentation, rendered from the live schema and the examples: {@code docs/index.md}, one
 * page per component under {@code docs/resources/}, {@code docs/data-sources/}, {@code docs/ephemeral-resources/},
 * {@code docs/list-resources/} and {@code docs/actions/}, and one per function under {@code docs/functions/}, in the
 * layout terraform-plugin-docs produces: front matter, description, Example Usage, and a Schema section split into
 * Required / Optional / Read-Only with types, descriptions, sensitivity and write-only arguments (for a function: its
 * signature and arguments; for a resource with an identity: the identity schema and import by identity). Beside each
 * example, optional Markdown fragments add the prose a schema cannot hold ({@value #OVERVIEW}, {@value #GUIDE},
 * {@value #REFERENCE}). Pure: examples and fragments come in through a lookup.
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

  /** The directory of function pages under docs/ and of their examples ({@code function.tf}) under examples/. */
  public static final String FUNCTIONS = "functions";

  /** An {@code import} block with {@code identity} beside a resource's example (terraform-plugin-docs' name). */
  public static final String IMPORT_BY_IDENTITY = "import-by-identity.tf";
  /** An {@code import} block with {@code id} beside a resource's example. */
  public static final String IMPORT_BY_ID = "import-by-string-id.tf";
  /** A {@code terraform import} command beside a resource's example. */
  public static final String IMPORT_COMMAND = "import.sh";

  private static final String IMPORT_BLOCK_LINK =
      "the [`import` block](https://developer.hashicorp.com/terraform/language/import)";

  /**
   * The kinds of component the registry gives pages of their own, in terraform-plugin-docs' names: the page heading's
   * kind, the directory under docs/ and under examples/, and the example's file name there.
   */
  public enum ComponentKind {
    RESOURCE("Resource", "resources", "resource.tf", Outcomes.ProviderSchemas::resources),
    DATA_SOURCE("Data Source", "data-sources", "data-source.tf", Outcomes.ProviderSchemas::dataSources),
    EPHEMERAL_RESOURCE("Ephemeral Resource", "ephemeral-resources", "ephemeral-resource.tf",
        Outcomes.ProviderSchemas::ephemeralResources),
    /** Terraform 1.14 reads list blocks from .tfquery.hcl files, so the example is one. */
    LIST_RESOURCE("List Resource", "list-resources", "list-resource.tfquery.hcl",
        Outcomes.ProviderSchemas::listResources),
    ACTION("Action", "actions", "action.tf", Outcomes.ProviderSchemas::actions);

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

  /** Every directory under docs/ whose Markdown pages this generator writes, and so removes when stale. */
  public static List<String> ownedDirectories() {
    List<String> owned = new ArrayList<>();
    for (ComponentKind kind : ComponentKind.values()) {
      owned.add(kind.directory);
    }
    owned.add(FUNCTIONS);
    return List.copyOf(owned);
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
    new TreeMap<>(schemas.functions()).forEach((name, declaration) ->
        pages.put(FUNCTIONS + "/" + name + ".md", function(declaration)));
    return pages;
  }

  /**
   * Example files the pages leave out, each with the reason: an import-by-identity example for a resource type that
   * declares no identity (terraform-plugin-docs refuses those, since Terraform would refuse the import).
   */
  public List<String> unusedExamples() {
    List<String> unused = new ArrayList<>();
    new TreeMap<>(schemas.resources()).forEach((type, schema) -> {
      String path = ComponentKind.RESOURCE.directory + "/" + type + "/" + IMPORT_BY_IDENTITY;
      if (!schemas.identities().containsKey(type) && example(path).isPresent()) {
        unused.add("examples/" + path + ": " + type + " declares no identity, so its page leaves the example out");
      }
    });
    return unused;
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
    opening(page, block.description(), "provider/", "provider.tf");
    SchemaMarkdown.schema(page, block);
    fragment(page, "provider/" + REFERENCE);
    return finish(page);
  }

  private String component(String type, Schema schema, ComponentKind kind) {
    StringBuilder page = new StringBuilder();
    String sources = kind.directory + "/" + type + "/";
    frontMatter(page, type + " " + kind.title + " - terraform-provider-" + providerName, schema.block().description(),
        "examples/" + sources);
    page.append("# ").append(type).append(" (").append(kind.title).append(")\n\n");
    opening(page, schema.block().description(), sources, kind.exampleName);
    SchemaMarkdown.schema(page, schema.block());
    if (kind == ComponentKind.RESOURCE) {
      identityAndImport(page, Optional.ofNullable(schemas.identities().get(type)), sources);
    }
    fragment(page, sources + REFERENCE);
    return finish(page);
  }

  /** terraform-plugin-docs' function page: summary in the front matter, then signature and numbered arguments. */
  private String function(FunctionDeclaration declaration) {
    StringBuilder page = new StringBuilder();
    String name = declaration.name();
    String sources = FUNCTIONS + "/" + name + "/";
    String summary = declaration.summary().isBlank() ? declaration.description() : declaration.summary();
    frontMatter(page, name + " function - terraform-provider-" + providerName, summary, "examples/" + sources);
    page.append("# function: ").append(name).append("\n\n");
    opening(page, declaration.description(), sources, "function.tf");
    page.append("## Signature\n\n```text\n").append(SchemaMarkdown.signature(declaration)).append("\n```\n\n");
    if (!declaration.parameters().isEmpty()) {
      page.append("## Arguments\n\n");
      SchemaMarkdown.arguments(page, declaration);
    }
    fragment(page, sources + REFERENCE);
    return finish(page);
  }

  /**
   * Description, overview.md, Example Usage, guide.md: the hand-written fragments beside the example carry the prose
   * a schema description cannot (how rotation works, errors, import). The schema and reference.md follow.
   */
  private void opening(StringBuilder page, String description, String sources, String exampleName) {
    paragraph(page, description);
    fragment(page, sources + OVERVIEW);
    example(sources + exampleName).ifPresent(text ->
        page.append("## Example Usage\n\n```terraform\n").append(text.strip()).append("\n```\n\n"));
    fragment(page, sources + GUIDE);
  }

  /**
   * The Import section as terraform-plugin-docs writes it: by identity (with the identity schema), by id, then the
   * command, each when its example exists. An identity without an import example (a type that cannot be imported)
   * gets a section of its own instead, claiming no import: Terraform still records it in the state.
   */
  private void identityAndImport(StringBuilder page, Optional<IdentitySchema> identity, String sources) {
    Optional<String> byIdentity = identity.flatMap(present -> example(sources + IMPORT_BY_IDENTITY));
    Optional<String> byId = example(sources + IMPORT_BY_ID);
    Optional<String> command = example(sources + IMPORT_COMMAND);
    if (byIdentity.isEmpty()) {
      identity.ifPresent(present -> {
        page.append("## Identity\n\nIn Terraform v1.12.0 and later, each object of this type has an identity, "
            + "which Terraform keeps in the state and `terraform show -json` shows:\n\n");
        SchemaMarkdown.identity(page, present);
      });
    }
    if (byIdentity.isEmpty() && byId.isEmpty() && command.isEmpty()) {
      return;
    }
    page.append("## Import\n\nImport is supported using the following syntax:\n\n");
    byIdentity.ifPresent(text -> {
      page.append("In Terraform v1.12.0 and later, ").append(IMPORT_BLOCK_LINK)
          .append(" can be used with the `identity` attribute, for example:\n\n");
      code(page, "terraform", text);
      SchemaMarkdown.identity(page, identity.orElseThrow());
    });
    byId.ifPresent(text -> {
      page.append("In Terraform v1.5.0 and later, ").append(IMPORT_BLOCK_LINK)
          .append(" can be used with the `id` attribute, for example:\n\n");
      code(page, "terraform", text);
    });
    command.ifPresent(text -> {
      page.append("The [`terraform import` command](https://developer.hashicorp.com/terraform/cli/commands/import) "
          + "can be used, for example:\n\n");
      code(page, "shell", text);
    });
  }

  private Optional<String> example(String relativePath) {
    return examples.apply(relativePath).filter(text -> !text.isBlank());
  }

  private void fragment(StringBuilder page, String relativePath) {
    example(relativePath).ifPresent(text -> page.append(text.strip()).append("\n\n"));
  }

  private static void code(StringBuilder page, String language, String text) {
    page.append("```").append(language).append('\n').append(text.strip()).append("\n```\n\n");
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

  private static String finish(StringBuilder page) {
    String text = page.toString().stripTrailing();
    return text + "\n";
  }
}
