package io.pyvider.bootstrap.e2e;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Everything a provider process prints, as go-plugin sees it: the first stdout line (the handshake) on its own, the
 * rest of stdout (which go-plugin drains and discards), and stderr line by line (the provider's log).
 */
final class ProcessOutput {

  private static final int MAX_STDERR_LINES = 50_000;

  private final CompletableFuture<String> firstLine = new CompletableFuture<>();
  private final List<String> laterStdout = new ArrayList<>();
  private final CompletableFuture<Void> stdoutClosed = new CompletableFuture<>();
  private final List<String> stderr = new ArrayList<>();
  private final CompletableFuture<Void> stderrClosed = new CompletableFuture<>();

  ProcessOutput(String label, InputStream stdout, InputStream errors) {
    daemon(label + "-stdout", () -> readStdout(stdout));
    daemon(label + "-stderr", () -> readStderr(errors));
  }

  /** The first stdout line; null when stdout closed without one. Throws on timeout. */
  String firstLine(Duration timeout) throws Exception {
    return firstLine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  List<String> laterStdout() {
    synchronized (laterStdout) {
      return List.copyOf(laterStdout);
    }
  }

  List<String> stderr() {
    synchronized (stderr) {
      return List.copyOf(stderr);
    }
  }

  /** Waits until the process closed both streams (it exited). */
  void awaitClosed(Duration timeout) throws Exception {
    stdoutClosed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    stderrClosed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void readStdout(InputStream stdout) {
    try (InputStream in = stdout) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          stdoutLine(line.toString(StandardCharsets.UTF_8));
          line.reset();
        } else {
          line.write(b);
        }
      }
      if (line.size() > 0) {
        // A last line without its newline: go-plugin would still be waiting; the format checks will fail.
        stdoutLine(line.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException closed) {
      // The process ended.
    } finally {
      firstLine.complete(null);
      stdoutClosed.complete(null);
    }
  }

  private void stdoutLine(String text) {
    if (!firstLine.complete(text)) {
      synchronized (laterStdout) {
        laterStdout.add(text);
      }
    }
  }

  private void readStderr(InputStream errors) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(errors, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (stderr) {
          if (stderr.size() < MAX_STDERR_LINES) {
            stderr.add(line);
          }
        }
      }
    } catch (IOException closed) {
      // The process ended.
    } finally {
      stderrClosed.complete(null);
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }
}
