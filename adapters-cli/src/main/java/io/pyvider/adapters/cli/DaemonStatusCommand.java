package io.pyvider.adapters.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code daemon status}: whether this build's daemon runs, and how it is doing. */
@Command(name = "status",
    description = {"Show whether the provider daemon for this build is running, and how it is doing.",
        "",
        "Prints its pid and port, uptime, build key, sessions served and open (of the most it serves at once), "
            + "resident memory, idle timeout and directory. When none is running it says so and exits 0: the next "
            + "Terraform launch starts one."})
final class DaemonStatusCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--json", description = "Print the status as JSON ({\"running\": false, \"directory\": …} when "
      + "none is running).")
  boolean json;

  private final Context context;

  DaemonStatusCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String directory = DaemonCommand.directory(context);
    Optional<DaemonStatus> status = DaemonCommand.send(context, DaemonControl::status);
    if (json) {
      DaemonCommand.printJson(context, "running", status, directory);
      return ExitCodes.OK;
    }
    PrintWriter out = context.out();
    if (status.isEmpty()) {
      out.println("No daemon is running for this build (directory " + Printable.escape(directory) + "); "
          + (DaemonCommand.disabledHere(context) ? DaemonCommand.SWITCH + "=off is set here, so launches from this "
              + "environment start the JVM directly." : "the next Terraform launch starts one."));
      return ExitCodes.OK;
    }
    out.println(context.style.bold("The provider daemon is running") + " for this build.");
    DaemonCommand.printStatus(out, status.get());
    if (DaemonCommand.disabledHere(context)) {
      out.println(DaemonCommand.SWITCH + "=off is set here: launches from this environment do not use it.");
    }
    return ExitCodes.OK;
  }
}
