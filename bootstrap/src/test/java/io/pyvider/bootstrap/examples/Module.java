package io.pyvider.bootstrap.examples;

import io.pyvider.bootstrap.examples.Hcl.Expr;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Terraform root module as {@code terraform init} and {@code validate} read it from a directory: every
 * {@code *.tf} file, merged (terraform internal/configs). Only what the examples use is accepted: {@code terraform}
 * with {@code required_version} and {@code required_providers}, {@code variable} (type, default, description,
 * validation), {@code locals}, {@code resource} and {@code data} (with {@code count} and a {@code lifecycle} that only
 * has an empty {@code ignore_changes}), {@code ephemeral} (no meta-arguments), {@code output} (value, description,
 * sensitive, ephemeral); anything else fails loudly.
 */
final class Module {

  /** A declared input variable. */
  record Variable(String name, CtyType type, Expr defaultValue, List<Validation> validations) {
  }

  /** A variable's validation rule. */
  record Validation(Expr condition, Expr errorMessage) {
  }

  /** Terraform's resource modes, each with the block that declares it and the prefix of its address. */
  enum Mode {
    MANAGED("resource", ""), DATA("data", "data."), EPHEMERAL("ephemeral", "ephemeral.");

    final String block;
    final String addressPrefix;

    Mode(String block, String addressPrefix) {
      this.block = block;
      this.addressPrefix = addressPrefix;
    }
  }

  /** A managed resource, a data source or an ephemeral resource. */
  record Resource(Mode mode, String type, String name, Expr count, Map<String, Hcl.Attribute> arguments,
      Hcl.Pos pos) {
    String address() {
      return mode.addressPrefix + type + "." + name;
    }

    boolean data() {
      return mode == Mode.DATA;
    }

    boolean ephemeral() {
      return mode == Mode.EPHEMERAL;
    }
  }

  /** An output value. */
  record Output(String name, Expr value, boolean sensitive, boolean ephemeral, Hcl.Pos pos) {
  }

  final Path directory;
  final Map<String, String> requiredProviders = new LinkedHashMap<>();
  /** The terraform block's required_version, null when not given. */
  String requiredVersion;
  final Map<String, Variable> variables = new LinkedHashMap<>();
  final Map<String, Hcl.Attribute> locals = new LinkedHashMap<>();
  final Map<String, Resource> resources = new LinkedHashMap<>();
  final Map<String, Output> outputs = new LinkedHashMap<>();

  private Module(Path directory) {
    this.directory = directory;
  }

  static Module load(Path directory) {
    Module module = new Module(directory);
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot list " + directory, unreadable);
    }
    if (files.isEmpty()) {
      throw new Cty.ConfigError(directory + ": no .tf files");
    }
    for (Path file : files) {
      try {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        module.add(HclParser.parseFile(directory.getFileName() + "/" + file.getFileName(), source));
      } catch (IOException unreadable) {
        throw new UncheckedIOException("cannot read " + file, unreadable);
      }
    }
    return module;
  }

  private void add(Hcl.Body file) {
    if (!file.attributes().isEmpty()) {
      Hcl.Attribute first = file.attributes().values().iterator().next();
      throw new Cty.ConfigError(first.pos() + ": Unsupported argument: an argument named \"" + first.name()
          + "\" is not expected here");
    }
    for (Hcl.Block block : file.blocks()) {
      switch (block.type()) {
        case "terraform" -> terraformBlock(block);
        case "variable" -> variable(block);
        case "locals" -> {
          noBlocks(block.body(), "locals");
          block.body().attributes().forEach((name, attribute) -> {
            if (locals.put(name, attribute) != null) {
              throw new Cty.ConfigError(attribute.pos() + ": Duplicate local value definition \"" + name + "\"");
            }
          });
        }
        case "resource", "data", "ephemeral" -> resource(block);
        case "output" -> output(block);
        case "provider" -> {
          if (!block.body().attributes().isEmpty() || !block.body().blocks().isEmpty()) {
            throw new Cty.ConfigError(block.pos() + ": the examples' replay configures the provider with an empty "
                + "block only");
          }
        }
        default -> throw new Cty.ConfigError(block.pos() + ": Unsupported block type \"" + block.type() + "\"");
      }
    }
  }

  private void terraformBlock(Hcl.Block block) {
    only(block.body(), Set.of("required_version"), Set.of("required_providers"), "terraform");
    Hcl.Attribute version = block.body().attributes().get("required_version");
    if (version != null) {
      requiredVersion = ((Value.Str) new Evaluator(Scopes.NONE).eval(version.expr()).value()).value();
    }
    for (Hcl.Block providers : block.body().blocks("required_providers")) {
      providers.body().attributes().forEach((local, attribute) -> {
        if (!(attribute.expr() instanceof Hcl.ObjectCons object)) {
          throw new Cty.ConfigError(attribute.pos() + ": required_providers entries must be objects");
        }
        for (Hcl.Item item : object.items()) {
          Ev key = new Evaluator(Scopes.NONE).eval(item.key());
          if (key.value().equals(Value.string("source"))) {
            Ev source = new Evaluator(Scopes.NONE).eval(item.value());
            requiredProviders.put(local, ((Value.Str) source.value()).value());
          }
        }
      });
    }
  }

  private void variable(Hcl.Block block) {
    String name = label(block, 1).get(0);
    only(block.body(), Set.of("type", "default", "description", "sensitive", "nullable"), Set.of("validation"),
        "variable");
    CtyType type = CtyType.DYNAMIC;
    Hcl.Attribute typeAttribute = block.body().attributes().get("type");
    if (typeAttribute != null) {
      if (!(typeAttribute.expr() instanceof Hcl.ScopeRef keyword)) {
        throw new Cty.ConfigError(typeAttribute.pos() + ": the examples' replay supports primitive variable types");
      }
      type = switch (keyword.name()) {
        case "string" -> CtyType.STRING;
        case "number" -> CtyType.NUMBER;
        case "bool" -> CtyType.BOOL;
        default -> throw new Cty.ConfigError(typeAttribute.pos() + ": unsupported variable type " + keyword.name());
      };
    }
    List<Validation> validations = new ArrayList<>();
    for (Hcl.Block validation : block.body().blocks("validation")) {
      only(validation.body(), Set.of("condition", "error_message"), Set.of(), "validation");
      validations.add(new Validation(validation.body().attributes().get("condition").expr(),
          validation.body().attributes().get("error_message").expr()));
    }
    Hcl.Attribute defaultValue = block.body().attributes().get("default");
    if (variables.put(name, new Variable(name, type, defaultValue == null ? null : defaultValue.expr(),
        validations)) != null) {
      throw new Cty.ConfigError(block.pos() + ": Duplicate variable declaration \"" + name + "\"");
    }
  }

  private void resource(Hcl.Block block) {
    List<String> labels = label(block, 2);
    Mode mode = Stream.of(Mode.values()).filter(m -> m.block.equals(block.type())).findFirst().orElseThrow();
    Map<String, Hcl.Attribute> arguments = new LinkedHashMap<>(block.body().attributes());
    Hcl.Attribute count = arguments.remove("count");
    if (count != null && mode == Mode.EPHEMERAL) {
      throw new Cty.ConfigError(count.pos() + ": the meta-argument count on an ephemeral resource is not used by the "
          + "examples' replay");
    }
    for (String meta : List.of("for_each", "depends_on", "provider")) {
      if (arguments.containsKey(meta)) {
        throw new Cty.ConfigError(arguments.get(meta).pos() + ": the meta-argument " + meta
            + " is not used by the examples' replay");
      }
    }
    for (Hcl.Block nested : block.body().blocks()) {
      if (!nested.type().equals("lifecycle") || mode != Mode.MANAGED) {
        throw new Cty.ConfigError(nested.pos() + ": Unsupported block type \"" + nested.type() + "\"");
      }
      only(nested.body(), Set.of("ignore_changes"), Set.of(), "lifecycle");
      Hcl.Attribute ignore = nested.body().attributes().get("ignore_changes");
      if (ignore != null && !(ignore.expr() instanceof Hcl.TupleCons t && t.items().isEmpty())) {
        throw new Cty.ConfigError(ignore.pos() + ": the examples' replay models an empty ignore_changes only");
      }
    }
    Resource resource = new Resource(mode, labels.get(0), labels.get(1), count == null ? null : count.expr(),
        arguments, block.pos());
    if (resources.put(resource.address(), resource) != null) {
      throw new Cty.ConfigError(block.pos() + ": Duplicate resource \"" + resource.address() + "\" configuration");
    }
  }

  private void output(Hcl.Block block) {
    String name = label(block, 1).get(0);
    only(block.body(), Set.of("value", "description", "sensitive", "ephemeral"), Set.of(), "output");
    Hcl.Attribute value = block.body().attributes().get("value");
    if (value == null) {
      throw new Cty.ConfigError(block.pos() + ": Missing required argument \"value\" in output " + name);
    }
    if (outputs.put(name, new Output(name, value.expr(), flag(block, "sensitive"), flag(block, "ephemeral"),
        block.pos())) != null) {
      throw new Cty.ConfigError(block.pos() + ": Duplicate output definition \"" + name + "\"");
    }
  }

  /** A literal bool argument such as an output's {@code sensitive}; false when absent. */
  private static boolean flag(Hcl.Block block, String name) {
    Hcl.Attribute flag = block.body().attributes().get(name);
    return flag != null && new Evaluator(Scopes.NONE).eval(flag.expr()).value().equals(Value.bool(true));
  }

  private static List<String> label(Hcl.Block block, int count) {
    if (block.labels().size() != count) {
      throw new Cty.ConfigError(block.pos() + ": a " + block.type() + " block needs " + count + " label(s)");
    }
    return block.labels();
  }

  private static void only(Hcl.Body body, Set<String> attributes, Set<String> blocks, String where) {
    body.attributes().values().stream().filter(a -> !attributes.contains(a.name())).findFirst().ifPresent(a -> {
      throw new Cty.ConfigError(a.pos() + ": Unsupported argument \"" + a.name() + "\" in " + where);
    });
    body.blocks().stream().filter(b -> !blocks.contains(b.type())).findFirst().ifPresent(b -> {
      throw new Cty.ConfigError(b.pos() + ": Unsupported block type \"" + b.type() + "\" in " + where);
    });
  }

  private static void noBlocks(Hcl.Body body, String where) {
    only(body, body.attributes().keySet(), Set.of(), where);
  }

  // --- references and dependency order ---------------------------------------------------------------------

  /** The resources and data sources an expression refers to, directly or through locals. */
  Set<String> dependencies(Expr expr) {
    Set<String> found = new LinkedHashSet<>();
    collect(expr, found, new LinkedHashSet<>());
    return found;
  }

  /** Everything a resource's arguments and count refer to. */
  Set<String> dependencies(Resource resource) {
    Set<String> found = new LinkedHashSet<>();
    if (resource.count() != null) {
      found.addAll(dependencies(resource.count()));
    }
    resource.arguments().values().forEach(a -> found.addAll(dependencies(a.expr())));
    return found;
  }

  private void collect(Expr expr, Set<String> found, Set<String> localsSeen) {
    if (expr instanceof Hcl.GetAttr get) {
      if (get.source() instanceof Hcl.ScopeRef root) {
        switch (root.name()) {
          case "var", "path", "count" -> {
          }
          case "local" -> {
            Hcl.Attribute local = locals.get(get.name());
            if (local == null) {
              throw new Cty.ConfigError(get.pos() + ": Reference to undeclared local value \"" + get.name() + "\"");
            }
            if (localsSeen.add(get.name())) {
              collect(local.expr(), found, localsSeen);
            }
          }
          case "data", "ephemeral" -> {
          }
          default -> found.add(declared(root.name() + "." + get.name(), get.pos()));
        }
        return;
      }
      if (get.source() instanceof Hcl.GetAttr inner && inner.source() instanceof Hcl.ScopeRef root
          && (root.name().equals("data") || root.name().equals("ephemeral"))) {
        found.add(declared(root.name() + "." + inner.name() + "." + get.name(), get.pos()));
        return;
      }
      collect(get.source(), found, localsSeen);
    } else if (expr instanceof Hcl.Index index) {
      collect(index.source(), found, localsSeen);
      collect(index.key(), found, localsSeen);
    } else if (expr instanceof Hcl.Template template) {
      template.parts().stream().filter(p -> p instanceof Expr).forEach(p -> collect((Expr) p, found, localsSeen));
    } else if (expr instanceof Hcl.TemplateWrap wrap) {
      collect(wrap.wrapped(), found, localsSeen);
    } else if (expr instanceof Hcl.Parens parens) {
      collect(parens.inner(), found, localsSeen);
    } else if (expr instanceof Hcl.TupleCons tuple) {
      tuple.items().forEach(i -> collect(i, found, localsSeen));
    } else if (expr instanceof Hcl.ObjectCons object) {
      object.items().forEach(i -> {
        collect(i.key(), found, localsSeen);
        collect(i.value(), found, localsSeen);
      });
    } else if (expr instanceof Hcl.Call call) {
      call.args().forEach(a -> collect(a, found, localsSeen));
    } else if (expr instanceof Hcl.Unary unary) {
      collect(unary.operand(), found, localsSeen);
    } else if (expr instanceof Hcl.Binary binary) {
      collect(binary.left(), found, localsSeen);
      collect(binary.right(), found, localsSeen);
    } else if (expr instanceof Hcl.Conditional conditional) {
      collect(conditional.condition(), found, localsSeen);
      collect(conditional.whenTrue(), found, localsSeen);
      collect(conditional.whenFalse(), found, localsSeen);
    }
  }

  private String declared(String address, Hcl.Pos pos) {
    if (!resources.containsKey(address)) {
      throw new Cty.ConfigError(pos + ": Reference to undeclared resource \"" + address + "\"");
    }
    return address;
  }

  /**
   * The resources in an order Terraform's graph allows: every one after what it refers to (declaration order among
   * those that are ready, so the replay is deterministic). A cycle is Terraform's "Cycle" error.
   */
  List<Resource> dependencyOrder() {
    List<Resource> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    while (order.size() < resources.size()) {
      Resource next = resources.values().stream().filter(r -> !done.contains(r.address()))
          .filter(r -> done.containsAll(dependencies(r))).findFirst()
          .orElseThrow(() -> new Cty.ConfigError(directory + ": Cycle among " + resources.keySet()));
      order.add(next);
      done.add(next.address());
    }
    return order;
  }
}
