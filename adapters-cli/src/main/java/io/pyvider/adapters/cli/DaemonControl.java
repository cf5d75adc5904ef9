package io.pyvider.adapters.cli;

import java.io.IOException;
import java.util.Optional;

/**
 * The per-user provider daemon the launcher starts to serve Terraform's launches from a warm JVM, as the composition
 * root reaches it. Every method answers for this build's daemon only (its directory is keyed by build and JVM).
 */
public interface DaemonControl {

  /** Where the daemon's files are; empty when unknown (the CLI was not started through the launcher). */
  Optional<String> directory();

  /**
   * The running daemon's status; empty when none runs. Throws, with a one-line message, when the directory is unknown
   * or refused (owner, mode), or when something answers that cannot prove it is this user's daemon.
   */
  Optional<DaemonStatus> status() throws IOException;

  /**
   * Asks the daemon to stop and returns its status as it was asked (with the sessions still open, which it lets
   * finish); empty when none runs. Fails like {@link #status()}.
   */
  Optional<DaemonStatus> stop() throws IOException;
}
