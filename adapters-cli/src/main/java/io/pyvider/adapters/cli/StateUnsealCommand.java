package io.pyvider.adapters.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyvider.adapters.cli.state.ResourceInstance;
import io.pyvider.adapters.cli.state.Selection;
import io.pyvider.adapters.cli.state.StateFile;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.UnsealResult;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Schema;
import java.io.PrintWriter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code state unseal}: opens the sealed private state of one instance with the provider's own key ring and shows its
 * fields, secrets masked unless --show-secrets. A field is shown in clear only when the resource's schema has a
 * non-sensitive attribute of the same name (the value is public in the state anyway).
 */
@Command(name = "unseal", sortOptions = false,
    description = {"Show the sealed private state of one resource instance, secrets masked.",
        "",
        "It is opened with the same key ring as the provider (PYVIDER_PRIVATE_STATE_SHARED_SECRET, "
            + "PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS, or the per-user key file), and private state written by this "
            + "provider or by the Python pyvider provider opens alike.",
        "",
        "Secret values are masked unless --show-secrets is given; a field is shown in clear only when the resource's "
            + "schema has a non-sensitive attribute of the same name. When the private state cannot be opened, the "
            + "one-line error says exactly why (no key, another key, altered, truncated, unknown format)."})
final class StateUnsealCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--state", required = true, paramLabel = "FILE", converter = StateFiles.SourceConverter.class,
      description = "The state file: a terraform.tfstate, or - for standard input (terraform state pull).")
  String state;

  @Option(names = "--address", required = true, paramLabel = "ADDRESS",
      description = "The instance, as terraform state list prints it: pyvider_timed_token.api, "
          + "module.ci.pyvider_timed_token.t[0], pyvider_timed_token.t[\"blue\"].")
  String address;

  @Option(names = "--deposed", paramLabel = "KEY",
      description = "Open a deposed object of the instance (its key, as the state file names it) instead of the "
          + "current one.")
  String deposed;

  @Option(names = "--show-secrets", description = "Print secret values in clear.")
  boolean showSecrets;

  @Option(names = "--json", description = "Print the unsealed fields as JSON.")
  boolean json;

  private final Context context;

  StateUnsealCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String wanted = address.strip();
    // Every instance is listed, for the suggestions when the address is not found; only resources whose type and
    // name the address holds keep their attributes and private state.
    StateFile file = StateFiles.read(context, state, new Selection(resource -> true,
        resource -> wanted.contains(resource.type() + "." + resource.name())));
    ResourceInstance instance = find(file, wanted);
    if (!instance.managed()) {
      throw new CliException(instance.address() + " is a data source: data sources have no private state");
    }
    if (instance.privateBase64() == null) {
      throw new CliException(instance.displayAddress() + " has no private state in " + file.name()
          + ": nothing to unseal");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(instance.privateBase64().strip());
    } catch (IllegalArgumentException bad) {
      throw new CliException("the private state of " + instance.displayAddress() + " in " + file.name()
          + " is not valid base64: the state file was altered");
    }
    UnsealResult result = context.sealer.unseal(blob, new SealingContext(instance.type()));
    if (result instanceof UnsealResult.Failed failed) {
      throw new CliException("cannot unseal the private state of " + instance.displayAddress() + " ("
          + failed.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): " + failed.detail());
    }
    UnsealResult.Opened opened = (UnsealResult.Opened) result;
    Optional<Schema> schema = Optional.ofNullable(context.schemas.schemas().resources().get(instance.type()));
    if (json) {
      context.printJson(json(instance, blob.length, opened, schema));
    } else {
      text(instance, blob.length, opened, schema);
    }
    return ExitCodes.OK;
  }

  private ResourceInstance find(StateFile file, String wanted) {
    List<ResourceInstance> matches = file.instances().stream()
        .filter(i -> i.address().equals(wanted))
        .filter(i -> deposed == null ? i.deposed() == null : deposed.equals(i.deposed()))
        .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (!matches.isEmpty()) {
      throw new CliException(file.name() + " holds " + matches.size() + " objects at " + wanted
          + ": the state file is inconsistent");
    }
    List<ResourceInstance> sameAddress = file.instances().stream().filter(i -> i.address().equals(wanted)).toList();
    if (!sameAddress.isEmpty()) {
      String keys = sameAddress.stream().map(i -> i.deposed() == null ? "the current object" : "deposed " + i.deposed())
          .collect(Collectors.joining(", "));
      throw new CliException(wanted + " has no " + (deposed == null ? "current object" : "deposed object " + deposed)
          + " in " + file.name() + "; it has " + keys);
    }
    List<String> sameResource = file.instances().stream()
        .filter(i -> i.resourceAddress().equals(wanted) || i.address().startsWith(wanted + "["))
        .map(ResourceInstance::address).distinct().limit(5).toList();
    if (!sameResource.isEmpty()) {
      throw new CliException("no resource instance " + wanted + " in " + file.name() + "; did you mean "
          + String.join(" or ", sameResource) + "?");
    }
    List<String> withPrivate = file.instances().stream().filter(i -> i.managed() && i.hasPrivateState())
        .map(ResourceInstance::address).distinct().toList();
    throw new CliException("no resource instance " + wanted + " in " + file.name() + (withPrivate.isEmpty()
        ? "; it holds no instance with private state"
        : "; instances with private state: " + String.join(", ", withPrivate.stream().limit(10).toList())
            + (withPrivate.size() > 10 ? ", and " + (withPrivate.size() - 10) + " more" : "")));
  }

  private void text(ResourceInstance instance, int bytes, UnsealResult.Opened opened, Optional<Schema> schema) {
    PrintWriter out = context.out();
    Style style = context.style;
    out.println(style.bold(Printable.escape(instance.displayAddress())) + " (" + Printable.escape(instance.type())
        + ", schema version "
        + instance.schemaVersion() + ")");
    out.println("private state: " + bytes + " bytes sealed, opened"
        + (opened.staleKey() ? " with an older key or format: the provider seals it again with the current key "
            + "when it next writes this instance" : " with the current key"));
    PrivateData data = opened.data();
    if (data.isEmpty()) {
      out.println("  (no fields)");
      return;
    }
    int width = data.fields().keySet().stream().map(Printable::escape).mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, String> field : data.fields().entrySet()) {
      boolean clear = showSecrets || publicAttribute(schema, field.getKey());
      String value = clear ? Printable.escape(field.getValue()) : style.dim("******** (" + field.getValue().length()
          + " characters; --show-secrets prints it)");
      String comparison = comparison(instance, field.getKey(), field.getValue());
      String name = Printable.escape(field.getKey());
      out.println("  " + name + " ".repeat(width - name.length()) + "  " + value
          + (comparison.isEmpty() ? "" : "  " + style.dim("[" + comparison + "]")));
    }
  }

  private ObjectNode json(ResourceInstance instance, int bytes, UnsealResult.Opened opened, Optional<Schema> schema) {
    ObjectNode root = context.object();
    root.put("address", instance.address());
    root.put("deposed", instance.deposed());
    root.put("type", instance.type());
    root.put("schema_version", instance.schemaVersion());
    root.put("sealed_bytes", bytes);
    root.put("stale_key", opened.staleKey());
    ObjectNode fields = root.putObject("fields");
    opened.data().fields().forEach((name, value) -> {
      boolean clear = showSecrets || publicAttribute(schema, name);
      ObjectNode field = fields.putObject(name);
      field.put("value", clear ? value : null);
      field.put("masked", !clear);
      field.put("length", value.length());
      String comparison = comparison(instance, name, value);
      if (comparison.isEmpty()) {
        field.putNull("matches_state");
      } else {
        field.put("matches_state", comparison.startsWith("same"));
      }
    });
    return root;
  }

  /** Whether the schema declares a non-sensitive attribute of this name (its value is public in the state). */
  private static boolean publicAttribute(Optional<Schema> schema, String field) {
    return schema.map(s -> s.block().attributes().get(field)).filter(a -> !a.sensitive() && !a.writeOnly())
        .map(Attribute::name).isPresent();
  }

  private static String comparison(ResourceInstance instance, String field, String value) {
    return instance.text(field).map(stored -> stored.equals(value) ? "same as in the state"
        : "differs from the state").orElse("");
  }
}
