package io.pyvider.adapters.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code docs}: the registry documentation. */
@Command(name = "docs", synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
    description = "Registry documentation generated from the live schema and examples/.")
final class DocsCommand {

  @Mixin
  CommonOptions common;
}
