package io.pyvider.adapters.cli;

import io.pyvider.adapters.cli.state.Selection;
import io.pyvider.adapters.cli.state.StateFile;
import io.pyvider.adapters.cli.state.StateFileException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads the --state argument of a command, turning every problem into a one-line {@link CliException}. */
final class StateFiles {

  private StateFiles() {
  }

  /** The --state argument: a file, or - for standard input; never empty, which would name the current directory. */
  static final class SourceConverter implements ITypeConverter<String> {

    @Override
    public String convert(String text) {
      if (text.isBlank()) {
        throw new TypeConversionException("the state file's name is empty: pass the state file, or - for standard "
            + "input");
      }
      return text;
    }
  }

  static StateFile read(Context context, String source, Selection selection) {
    try {
      return StateFile.read(source, context.streams.in(), selection);
    } catch (StateFileException unusable) {
      throw new CliException(unusable.getMessage());
    }
  }
}
