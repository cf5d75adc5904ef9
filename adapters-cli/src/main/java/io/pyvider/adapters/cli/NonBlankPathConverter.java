package io.pyvider.adapters.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A directory or file argument that must name one: an empty or blank value (an unset shell variable, {@code --dir
 * "$MIRROR"}) would otherwise resolve to the current directory, which is never what was meant.
 */
final class NonBlankPathConverter implements ITypeConverter<Path> {

  @Override
  public Path convert(String text) {
    if (text.isBlank()) {
      throw new TypeConversionException("the path is empty, which would mean the current directory: pass the "
          + "directory you mean (\".\" for the current one)");
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException bad) {
      throw new TypeConversionException("\"" + text + "\" is not a usable path: " + bad.getReason());
    }
  }
}
