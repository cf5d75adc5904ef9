package io.pyvider.adapters.cli;

import io.pyvider.adapters.cli.state.Selection;
import io.pyvider.adapters.cli.state.StateFile;
import io.pyvider.adapters.cli.state.StateFileException;

/** Reads the --state argument of a command, turning every problem into a one-line {@link CliException}. */
final class StateFiles {

  private StateFiles() {
  }

  static StateFile read(Context context, String source, Selection selection) {
    try {
      return StateFile.read(source, context.streams.in(), selection);
    } catch (StateFileException unusable) {
      throw new CliException(unusable.getMessage());
    }
  }
}
