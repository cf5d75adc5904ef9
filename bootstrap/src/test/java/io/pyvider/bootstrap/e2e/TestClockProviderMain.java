package io.pyvider.bootstrap.e2e;

import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.port.out.Clock;
import io.pyvider.bootstrap.ProviderMain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Test-only entry point: the real provider, served exactly as {@link ProviderMain} serves it, but with a clock that
 * is system time plus the number of seconds in the file named by {@code PYVIDER_TEST_CLOCK_OFFSET_FILE} (read at
 * every tick, so a test moves time by rewriting the file). Lives in test sources only: production has no such hook.
 */
public final class TestClockProviderMain {

  static final String OFFSET_FILE = "PYVIDER_TEST_CLOCK_OFFSET_FILE";

  private TestClockProviderMain() {
  }

  public static void main(String[] args) {
    // As ProviderMain.main: stdout is kept for the handshake line alone.
    PrintStream stdout = System.out;
    System.setOut(System.err);
    Optional<Path> offsetFile = Optional.ofNullable(System.getenv(OFFSET_FILE)).map(Path::of);
    Clock shifted = () -> Instant.now().plusSeconds(offsetFile.map(TestClockProviderMain::offset).orElse(0L));
    System.exit(ProviderMain.serve(HostModule.processEnvironment(), shifted, false, stdout));
  }

  private static long offset(Path file) {
    try {
      return Files.exists(file) ? Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()) : 0L;
    } catch (IOException | NumberFormatException unreadable) {
      throw new IllegalStateException("unreadable clock offset file " + file, unreadable);
    }
  }

  /** Sets the offset every later tick of the launched providers' clocks sees. */
  static void setOffset(Path file, long seconds) {
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, Long.toString(seconds), StandardCharsets.UTF_8);
      Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException cannotWrite) {
      throw new java.io.UncheckedIOException(cannotWrite);
    }
  }
}
