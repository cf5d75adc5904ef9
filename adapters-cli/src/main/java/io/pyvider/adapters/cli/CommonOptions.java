package io.pyvider.adapters.cli;

import picocli.CommandLine.Option;

/** Options every command has: --help, and --debug for a stack trace when something unexpected fails. */
final class CommonOptions {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--debug", description = "Print the stack trace when the command fails unexpectedly.")
  boolean debug;
}
