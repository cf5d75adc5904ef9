package io.pyvider.adapters.cli;

/**
 * A failure the user can act on: its message is the whole one-line explanation printed on stderr, and it carries the
 * exit code. Never carries secrets.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(String message) {
    this(message, ExitCodes.ERROR);
  }

  CliException(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
