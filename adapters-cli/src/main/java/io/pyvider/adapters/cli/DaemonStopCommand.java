package io.pyvider.adapters.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code daemon stop}: asks this build's daemon to exit (after its open sessions); the next launch starts a new one. */
@Command(name = "stop",
    description = {"Stop the provider daemon for this build.",
        "",
        "It accepts no new sessions at once and exits when its open sessions have ended; the next Terraform launch "
            + "starts a new daemon. Useful after changing PYVIDER_DAEMON_IDLE, the JVM options or the Java "
            + "installation, or to give its memory back now. With none running there is nothing to do (exit 0)."})
final class DaemonStopCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--json", description = "Print what happened as JSON ({\"stopped\": false, \"directory\": …} when "
      + "none was running).")
  boolean json;

  private final Context context;

  DaemonStopCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String directory = DaemonCommand.directory(context);
    Optional<DaemonStatus> stopped = DaemonCommand.send(context, DaemonControl::stop);
    if (json) {
      DaemonCommand.printJson(context, "stopped", stopped, directory);
      return ExitCodes.OK;
    }
    PrintWriter out = context.out();
    if (stopped.isEmpty()) {
      out.println("No daemon is running for this build (directory " + Printable.escape(directory)
          + "); nothing to stop.");
      return ExitCodes.OK;
    }
    DaemonStatus status = stopped.get();
    String which = "the provider daemon (pid " + status.pid() + ", up "
        + Durations.approximate(Duration.ofSeconds(status.uptimeSeconds())) + ", " + status.sessionsServed()
        + " session" + (status.sessionsServed() == 1 ? "" : "s") + " served)";
    if (status.sessionsOpen() == 0) {
      out.println("Stopped " + which + ".");
    } else {
      out.println("Asked " + which + " to stop: it accepts no new sessions and exits when its "
          + status.sessionsOpen() + " open session" + (status.sessionsOpen() == 1 ? "" : "s") + " end.");
    }
    out.println(DaemonCommand.disabledHere(context) ? DaemonCommand.SWITCH + "=off is set here, so launches from "
        + "this environment start the JVM directly." : "The next Terraform launch starts a new one.");
    return ExitCodes.OK;
  }
}
