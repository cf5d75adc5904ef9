package io.pyvider.adapters.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code daemon}: the per-user JVM the launcher keeps warm to serve Terraform's launches. Also what its two
 * subcommands share: reaching the daemon, and how its status reads as text and as JSON.
 */
@Command(name = "daemon", synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
    description = {"The provider daemon: the warm JVM that serves Terraform's launches of this build.",
        "",
        "The launcher starts it on the first launch and hands every later launch to it; it exits by itself after "
            + "its idle timeout (PYVIDER_DAEMON_IDLE, default 1h). PYVIDER_DAEMON=off makes the launcher start the "
            + "JVM directly instead."})
final class DaemonCommand {

  /** The launcher's switch: with this value it never uses a daemon. */
  static final String SWITCH = "PYVIDER_DAEMON";

  @Mixin
  CommonOptions common;

  /** What a daemon request returns: the status, or empty when no daemon runs. */
  @FunctionalInterface
  interface Request {
    Optional<DaemonStatus> send(DaemonControl control) throws IOException;
  }

  /** The daemon's directory, or the one-line error saying why it is unknown. */
  static String directory(Context context) {
    return context.daemon.directory().orElseThrow(() -> new CliException("the daemon's directory is unknown: run "
        + "this command through the " + Cli.NAME + " launcher, which passes it as -Dpyvider.daemon.dir"));
  }

  /** Sends one request; every failure becomes a one-line error. */
  static Optional<DaemonStatus> send(Context context, Request request) {
    try {
      return request.send(context.daemon);
    } catch (IOException failed) {
      // The launcher's failures say what they are about; a bare one from the network gets told which it was.
      throw new CliException((failed.getMessage() == null ? "cannot talk to the provider daemon: " : "")
          + PlainWords.of(failed));
    }
  }

  /** True when this environment makes the launcher bypass the daemon. */
  static boolean disabledHere(Context context) {
    return context.environment != null && context.environment.get(SWITCH).filter("off"::equals).isPresent();
  }

  /** The status as aligned lines, for people. */
  static void printStatus(PrintWriter out, DaemonStatus status) {
    out.println("  pid           " + status.pid() + " (127.0.0.1:" + status.port() + ")");
    out.println("  uptime        " + Durations.approximate(Duration.ofSeconds(status.uptimeSeconds())));
    out.println("  build         " + Printable.escape(status.buildKey()));
    out.println("  sessions      " + status.sessionsServed() + " served, " + status.sessionsOpen() + " open (at most "
        + status.maxSessions() + " at once)");
    out.println("  memory        " + megabytes(status.rssKilobytes()));
    out.println("  warm-up       " + Printable.escape(status.warmUp())
        + ("running".equals(status.warmUp()) ? " (works only while no session is open)" : ""));
    out.println("  idle timeout  " + Durations.format(Duration.ofSeconds(status.idleTimeoutSeconds()))
        + " (it exits after that long without a session)");
    out.println("  directory     " + Printable.escape(status.directory()));
  }

  /** The status's fields, for --json. */
  static void putStatus(ObjectNode document, DaemonStatus status) {
    document.put("pid", status.pid());
    document.put("port", status.port());
    document.put("uptime_seconds", status.uptimeSeconds());
    document.put("uptime", Durations.format(Duration.ofSeconds(status.uptimeSeconds())));
    document.put("build_key", status.buildKey());
    document.put("sessions_served", status.sessionsServed());
    document.put("sessions_open", status.sessionsOpen());
    document.put("max_sessions", status.maxSessions());
    document.put("idle_timeout_seconds", status.idleTimeoutSeconds());
    document.put("idle_timeout", Durations.format(Duration.ofSeconds(status.idleTimeoutSeconds())));
    if (status.rssKilobytes() < 0) {
      document.putNull("rss_kilobytes");
    } else {
      document.put("rss_kilobytes", status.rssKilobytes());
    }
    document.put("directory", status.directory());
    document.put("warm_up", status.warmUp());
  }

  /** Resident memory for people: MB, or why it is not known. */
  static String megabytes(long kilobytes) {
    return kilobytes < 0 ? "unknown (the daemon cannot read /proc here)"
        : String.format("%.0f MB resident", kilobytes / 1024.0);
  }

  /** {@code {"<outcome>": true, ...status}} when a daemon answered, else {@code {"<outcome>": false, "directory": ...}}. */
  static void printJson(Context context, String outcome, Optional<DaemonStatus> status, String directory) {
    ObjectNode document = context.object();
    document.put(outcome, status.isPresent());
    if (status.isPresent()) {
      putStatus(document, status.get());
    } else {
      document.put("directory", directory);
    }
    context.printJson(document);
  }
}
