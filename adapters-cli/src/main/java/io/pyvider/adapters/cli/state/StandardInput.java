package io.pyvider.adapters.cli.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What can be told about the process's standard input before reading it, where the system shows what descriptor 0 is
 * ({@code /proc} on Linux; elsewhere nothing is told and reading goes ahead). When standard input was closed at launch
 * ({@code <&-}), descriptor 0 was free, and the first file the JVM opened for itself took it ({@code lib/modules}):
 * reading "standard input" would read the Java runtime.
 */
final class StandardInput {

  private static final Path DESCRIPTOR_ZERO = Path.of("/proc/self/fd/0");

  private StandardInput() {
  }

  /** Why this process's standard input cannot hold a state, when that shows before reading it. */
  static Optional<String> problem() {
    try {
      return problem(Files.readSymbolicLink(DESCRIPTOR_ZERO), Path.of(System.getProperty("java.home")).toRealPath());
    } catch (IOException | UnsupportedOperationException | SecurityException unknown) {
      return Optional.empty();
    }
  }

  /** Why standard input open on {@code target} (descriptor 0's link) cannot hold a state, if it shows. */
  static Optional<String> problem(Path target, Path javaHome) {
    if (!target.isAbsolute()) {
      return Optional.empty(); // a pipe or a socket: pipe:[1234]
    }
    if (target.startsWith(javaHome)) {
      return Optional.of("standard input is closed, so there is no state to read: pipe it in (terraform state pull "
          + "| … --state -) or pass the state file instead of -");
    }
    if (Files.isDirectory(target)) {
      return Optional.of("standard input is a directory (" + target + "), not a state file: redirect the "
          + "terraform.tfstate inside it, or pass that file instead of -");
    }
    return Optional.empty();
  }
}
