package io.pyvider.bootstrap.daemon;

import java.io.PrintStream;

/** Starts one Terraform run for a session: the composition root's side of the daemon. */
@FunctionalInterface
public interface RunStarter {

  /** Starts the run the request describes, writing its log and messages to {@code stderr}; never throws. */
  Run start(SessionRequest request, PrintStream stderr);

  /** A started run, or one refused (no handshake line) with its message already on stderr. */
  interface Run {
    /** The go-plugin handshake line; null when the run was refused. */
    String handshakeLine();

    /** The exit status of a refused run. */
    int refusedExitCode();

    void awaitTermination() throws InterruptedException;

    /** Ends the run now (its launcher went away). */
    void stop();

    /** A run that did not start: its message is on stderr already, the launcher exits with {@code exitCode}. */
    static Run refused(int exitCode) {
      return new Run() {
        @Override
        public String handshakeLine() {
          return null;
        }

        @Override
        public int refusedExitCode() {
          return exitCode;
        }

        @Override
        public void awaitTermination() {
        }

        @Override
        public void stop() {
        }
      };
    }
  }
}
