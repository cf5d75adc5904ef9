package io.pyvider.bootstrap.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The daemon's side of a session's connection: one line per record, tagged so that a bash launcher can dispatch
 * with {@code read} and {@code case} alone. {@code H} is the handshake line (to the launcher's stdout), {@code E} a
 * line of the run's stderr (hclog JSON, which Terraform parses), {@code X} the exit status, {@code R} a refusal (the
 * launcher then starts the provider directly), {@code S} an answer to an operations request.
 */
final class SessionOutput {

  private final OutputStream socket;
  private boolean broken; // guarded by this: the launcher went away; later writes are dropped

  SessionOutput(OutputStream socket) {
    this.socket = socket;
  }

  void handshake(String line) {
    record('H', line);
  }

  void exit(int status) {
    record('X', Integer.toString(status));
  }

  void refuse(String reason) {
    record('R', reason);
  }

  void answer(String text) {
    record('S', text);
  }

  /** The run's stderr: every line (a multi-line message too) becomes one {@code E} record. */
  PrintStream stderr() {
    return new PrintStream(new LineSplitter(), true, StandardCharsets.UTF_8);
  }

  private synchronized void record(char tag, String text) {
    if (broken) {
      return;
    }
    try {
      byte[] bytes = (tag + " " + text.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
      synchronized (socket) { // one write per record, never interleaved with another writer's bytes
        socket.write(bytes);
        socket.flush();
      }
    } catch (IOException gone) {
      broken = true;
    }
  }

  private final class LineSplitter extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        emit();
      } else if (b != '\r') {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        write(bytes[i]);
      }
    }

    @Override
    public synchronized void flush() {
      // Whole lines only: go-plugin reads the launcher's stderr line by line.
    }

    @Override
    public synchronized void close() {
      if (line.size() > 0) {
        emit();
      }
    }

    private void emit() {
      record('E', line.toString(StandardCharsets.UTF_8));
      line.reset();
    }
  }
}
