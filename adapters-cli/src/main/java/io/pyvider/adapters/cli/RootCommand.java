package io.pyvider.adapters.cli;

import picocli.CommandLine.Command;

/** The executable itself: without arguments it serves the provider to Terraform; with a command, it runs it. */
@Command(name = Cli.NAME, mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
        "The pyvider Terraform provider and its operations commands.",
        "",
        "Run without arguments, this binary is the provider Terraform starts (go-plugin, plugin protocol 6). "
            + "Run with a command, it is an operations tool for the people and pipelines that use the provider."},
    commandListHeading = "%nCommands:%n",
    footerHeading = "%n",
    footer = {"Run '" + Cli.NAME + " COMMAND --help' for a command's options and exit codes; docs/cli.md has them all.",
        "",
        "Colour is used only on a terminal, and never when NO_COLOR is set."})
final class RootCommand {
}
