package io.pyvider.bootstrap;

import io.pyvider.adapters.cli.Cli;
import io.pyvider.adapters.cli.CliStreams;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.port.out.Environment;
import java.io.PrintStream;

/**
 * Runs the operations CLI in this process. Only {@link ProviderMain#main} calls it, and only for a command line that
 * is not Terraform's, so the provider path never loads picocli or Jackson.
 */
final class CliMain {

  private CliMain() {
  }

  /** Runs one command line with the process environment and clock; returns the exit code. */
  static int run(String[] args, PrintStream stdout) {
    Environment environment = HostModule.processEnvironment();
    boolean colour = CliStreams.colourWanted(System.console() != null, environment.get("NO_COLOR").orElse(null));
    Cli cli = DaggerCliComponent.factory()
        .create(environment, HostModule.processWorkingDirectory(), HostModule.systemClock(),
            HcLog.off("cli", HostModule.systemClock()))
        .cli();
    return cli.run(CliStreams.of(System.in, stdout, System.err, colour), args);
  }
}
