package io.pyvider.adapters.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Failures told the way an error line tells them: what happened and to which file, in words, without the Java class
 * and package names that exceptions carry ({@code java.io.UncheckedIOException: …}) or their types when they have no
 * message ({@code FileAlreadyExistsException} says only the path).
 */
public final class PlainWords {

  /** What Java puts before the message of a wrapped cause: {@code java.io.IOException: }. */
  private static final Pattern CLASS_NAME_PREFIX =
      Pattern.compile("^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:\\.[A-Z][\\w$]*)*:\\s*");

  /** The failures whose type says what is wrong with the file (their messages are just its path). */
  private static final Map<Class<? extends FileSystemException>, String> FILE_PROBLEMS = Map.of(
      NoSuchFileException.class, " does not exist",
      AccessDeniedException.class, ": permission denied",
      FileAlreadyExistsException.class, " already exists",
      NotDirectoryException.class, " is not a directory",
      DirectoryNotEmptyException.class, " is a directory that is not empty",
      FileSystemLoopException.class, " leads into a loop of symbolic links");

  private PlainWords() {
  }

  /** Why an I/O operation failed: {@code /x/y does not exist}, {@code /x: permission denied}, … */
  public static String of(IOException failure) {
    if (failure instanceof CharacterCodingException) {
      return "it is not UTF-8 text";
    }
    if (failure instanceof FileSystemException problem) {
      String file = problem.getFile() == null ? "a file" : problem.getFile();
      return FILE_PROBLEMS.entrySet().stream().filter(known -> known.getKey().isInstance(problem))
          .map(known -> file + known.getValue()).findFirst()
          .orElse(file + ": " + (problem.getReason() == null ? "the operation failed"
              : lowerFirst(problem.getReason())));
    }
    return message(failure);
  }

  /** What went wrong, from an exception's message and its causes'. */
  public static String of(Throwable failure) {
    return failure instanceof IOException io ? of(io) : message(failure);
  }

  private static String message(Throwable failure) {
    String message = failure.getMessage();
    while (message != null && CLASS_NAME_PREFIX.matcher(message).find()) {
      message = CLASS_NAME_PREFIX.matcher(message).replaceFirst("");
    }
    if (message != null && !message.isBlank()) {
      return message.strip();
    }
    Throwable cause = failure.getCause();
    return cause != null && cause != failure ? of(cause) : "it failed without saying why";
  }

  private static String lowerFirst(String reason) {
    return reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
  }
}
