package io.pyvider.adapters.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a CLI run reads and writes: standard input (for {@code --state -}), data and reports on {@code out}, one-line
 * errors on {@code err}, and whether {@code out} may carry ANSI colour.
 */
public record CliStreams(InputStream in, PrintWriter out, PrintWriter err, boolean colour) {

  public CliStreams {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /** Streams over raw byte streams, UTF-8, flushed on every line. */
  public static CliStreams of(InputStream in, OutputStream out, OutputStream err, boolean colour) {
    return new CliStreams(in, writer(out), writer(err), colour);
  }

  /**
   * Colour only for a person at a terminal: a console is attached and {@code NO_COLOR} (https://no-color.org) is unset
   * or empty.
   */
  public static boolean colourWanted(boolean consoleAttached, String noColor) {
    return consoleAttached && (noColor == null || noColor.isEmpty());
  }

  private static PrintWriter writer(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
