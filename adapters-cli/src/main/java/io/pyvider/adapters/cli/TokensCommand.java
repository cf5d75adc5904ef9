package io.pyvider.adapters.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tokens}: the timed tokens in a state. */
@Command(name = "tokens", synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
    description = "Timed tokens (pyvider_timed_token) in a Terraform state.")
final class TokensCommand {

  @Mixin
  CommonOptions common;
}
