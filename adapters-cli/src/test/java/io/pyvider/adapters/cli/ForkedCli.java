package io.pyvider.adapters.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the CLI with {@link CliHarness}'s fakes in a JVM of its own, as the launcher does: a small heap (the launcher's
 * direct start caps the JVM at 1 GB of RAM, so 256 MB of heap; this takes less, so a whole-file read of a state fails
 * here as it would on a small machine) and the process's real standard input, redirected by a shell, so that a closed
 * descriptor 0 is what the JVM sees.
 */
final class ForkedCli {

  /** The forked JVM's heap: far less than the large states the tests give it. */
  static final String MAX_HEAP = "-Xmx64m";

  private ForkedCli() {
  }

  /** The forked side: {@code TEMPORARY ARGS...}, on the process's own streams. */
  public static void main(String[] args) {
    CliHarness cli = new CliHarness(Path.of(args[0]));
    System.exit(cli.run(CliStreams.of(System.in, System.out, System.err, false),
        Arrays.copyOfRange(args, 1, args.length)));
  }

  /** Runs the CLI with standard input closed ({@code <&-}). */
  static CliHarness.Result withStdinClosed(Path temporary, String... args) {
    return run(List.of("sh", "-c", "exec \"$@\" <&-", "sh"), temporary, args);
  }

  /** Runs the CLI with standard input read from {@code file}, which may be anything the shell can open. */
  static CliHarness.Result withStdinFrom(Path file, Path temporary, String... args) {
    return run(List.of("sh", "-c", "f=$1; shift; exec \"$@\" < \"$f\"", "sh", file.toString()), temporary, args);
  }

  private static CliHarness.Result run(List<String> shell, Path temporary, String... args) {
    List<String> command = new ArrayList<>(shell);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), MAX_HEAP,
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-cp", System.getProperty("java.class.path"),
        ForkedCli.class.getName(), temporary.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process, true));
      byte[] out = readAll(process, false);
      int code = process.waitFor();
      return new CliHarness.Result(code, new String(out, StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(Process process, boolean err) {
    try {
      return (err ? process.getErrorStream() : process.getInputStream()).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
