package io.pyvider.adapters.cli;

import io.pyvider.adapters.cli.schema.TerraformSchemaJson;
import io.pyvider.adapters.cli.schema.TypeNames;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.NestedBlock;
import io.pyvider.domain.terraform.schema.Schema;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code schema}: the provider's schemas, as a readable summary or exactly as Terraform prints them. */
@Command(name = "schema", sortOptions = false,
    description = {"Print the provider schema (--json: as terraform providers schema -json).",
        "",
        "The provider block, every resource (with its identity), data source, ephemeral resource, list "
        + "resource and action, with each attribute's type and whether it is required, optional, computed, "
        + "sensitive or write-only, and every function's signature.",
        "",
        "With --json, prints exactly what `terraform providers schema -json` prints for this provider (format "
            + "1.0), without needing Terraform or a configuration."})
final class SchemaCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--json", description = "Print the schema as `terraform providers schema -json` does (one line).")
  boolean json;

  private final Context context;

  SchemaCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Outcomes.ProviderSchemas schemas = context.schemas.schemas();
    if (json) {
      context.out().println(TerraformSchemaJson.compact(
          TerraformSchemaJson.document(context.distribution.address(), schemas)));
      return ExitCodes.OK;
    }
    PrintWriter out = context.out();
    Style style = context.style;
    out.println(style.bold("Provider " + context.distribution.address()) + " " + context.distribution.version());
    print(out, style, "provider", "", schemas.provider());
    new TreeMap<>(schemas.resources()).forEach((name, schema) -> {
      print(out, style, "resource", name, schema);
      Optional.ofNullable(schemas.identities().get(name)).ifPresent(identity -> identity(out, style, identity));
    });
    new TreeMap<>(schemas.dataSources()).forEach((name, schema) -> print(out, style, "data source", name, schema));
    new TreeMap<>(schemas.ephemeralResources()).forEach((name, schema) ->
        print(out, style, "ephemeral resource", name, schema));
    new TreeMap<>(schemas.listResources()).forEach((name, schema) ->
        print(out, style, "list resource", name, schema));
    new TreeMap<>(schemas.functions()).forEach((name, declaration) -> function(out, style, declaration));
    new TreeMap<>(schemas.actions()).forEach((name, schema) -> {
      // Terraform keeps no version for action schemas, so none is shown.
      out.println();
      out.println(style.bold("action " + name));
      block(out, schema.block(), "  ");
    });
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, Style style, String kind, String name, Schema schema) {
    out.println();
    out.println(style.bold(kind + (name.isEmpty() ? "" : " " + name)) + style.dim(" (schema version "
        + schema.version() + ")"));
    block(out, schema.block(), "  ");
  }

  private static void identity(PrintWriter out, Style style, IdentitySchema identity) {
    out.println("  " + style.bold("identity") + style.dim(" (version " + identity.version() + ")"));
    for (IdentitySchema.IdentityAttribute attribute : identity.attributes()) {
      out.printf("    %-22s %-20s %s%n", attribute.name(), TypeNames.hcl(attribute.type()),
          attribute.requiredForImport() ? "required for import"
              : attribute.optionalForImport() ? "optional for import" : "");
    }
  }

  /** As Terraform writes a provider function's signature: {@code name(param type, ...) type}. */
  private static void function(PrintWriter out, Style style, FunctionDeclaration declaration) {
    out.println();
    String parameters = declaration.parameters().stream()
        .map(parameter -> parameter.name() + " " + TypeNames.hcl(parameter.type())
            + (parameter.allowNull() ? " (nullable)" : ""))
        .collect(Collectors.joining(", "));
    out.println(style.bold("function " + declaration.name() + "(" + parameters + ") "
        + TypeNames.hcl(declaration.returnType())));
    if (!declaration.summary().isBlank()) {
      out.println("  " + declaration.summary().strip());
    }
  }

  private static void block(PrintWriter out, Block block, String indent) {
    if (block.attributes().isEmpty() && block.blockTypes().isEmpty()) {
      out.println(indent + "(no attributes)");
    }
    for (Attribute attribute : block.attributes().values()) {
      out.printf("%s%-24s %-20s %s%n", indent, attribute.name(), TypeNames.hcl(attribute.type()),
          String.join(", ", flags(attribute)));
    }
    for (Map.Entry<String, NestedBlock> entry : block.blockTypes().entrySet()) {
      NestedBlock nested = entry.getValue();
      out.printf("%sblock %s (%s%s%s)%n", indent, entry.getKey(), nested.nesting().name().toLowerCase(Locale.ROOT),
          nested.minItems() > 0 ? ", min " + nested.minItems() : "",
          nested.maxItems() > 0 ? ", max " + nested.maxItems() : "");
      block(out, nested.block(), indent + "  ");
    }
  }

  private static List<String> flags(Attribute attribute) {
    List<String> flags = new ArrayList<>();
    if (attribute.required()) {
      flags.add("required");
    }
    if (attribute.optional()) {
      flags.add("optional");
    }
    if (attribute.computed()) {
      flags.add("computed");
    }
    if (attribute.sensitive()) {
      flags.add("sensitive");
    }
    if (attribute.writeOnly()) {
      flags.add("write-only");
    }
    if (attribute.deprecated()) {
      flags.add("deprecated");
    }
    return flags;
  }
}
