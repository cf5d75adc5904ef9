package io.pyvider.adapters.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code state}: what the provider keeps in a state file. */
@Command(name = "state", synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
    description = "What the provider keeps in a Terraform state file.")
final class StateCommand {

  @Mixin
  CommonOptions common;
}
