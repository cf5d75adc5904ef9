package io.pyvider.adapters.cli.state;

/** A state file that cannot be used; the message names the file and the problem in one line. */
public final class StateFileException extends Exception {

  private static final long serialVersionUID = 1L;

  public StateFileException(String message) {
    super(message, null, false, false);
  }
}
