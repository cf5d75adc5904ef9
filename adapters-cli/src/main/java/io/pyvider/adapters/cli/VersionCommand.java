package io.pyvider.adapters.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code version}: the provider's version, address, protocol, platform and Java runtime. */
@Command(name = "version", description = "Print the provider's version, registry address, plugin protocol, "
    + "platform and the Java runtime it runs on.")
final class VersionCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--json", description = "Print the same facts as JSON.")
  boolean json;

  private final Context context;

  VersionCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ProviderDistribution distribution = context.distribution;
    String java = System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    if (json) {
      ObjectNode document = context.object();
      document.put("version", distribution.version());
      document.put("provider", distribution.address());
      ArrayNode protocols = document.putArray("protocol_versions");
      distribution.protocolVersions().forEach(protocols::add);
      document.put("platform", distribution.platform());
      document.put("java", System.getProperty("java.version"));
      context.printJson(document);
      return ExitCodes.OK;
    }
    var out = context.out();
    out.println(Cli.NAME + " " + distribution.version());
    out.println("  provider  " + distribution.address());
    out.println("  protocol  " + String.join(", ", distribution.protocolVersions()));
    out.println("  platform  " + distribution.platform());
    out.println("  java      " + java);
    return ExitCodes.OK;
  }
}
