package io.pyvider.adapters.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The local file access reads what is there, up to its bound, however the bytes arrive. */
class KeyFileAccessTest {

  @TempDir
  Path directory;

  private final KeyFileAccess local = KeyFileAccess.local();

  @Test
  void aReadStopsAtItsBound() throws Exception {
    Path file = Files.writeString(directory.resolve("long"), "0123456789");
    assertEquals("0123", new String(local.readAtMost(file, 4), UTF_8));
    assertEquals("0123456789", new String(local.readAtMost(file, 64), UTF_8));
  }

  // A file can arrive in pieces (a pipe, a network mount): one read(2) is not the whole file. The pause makes the
  // first read return early; the timeout only turns a hang into a failure.
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void bytesThatArriveInPiecesAreReadToTheEnd() throws Exception {
    Path pipe = directory.resolve("pipe");
    assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor());
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (OutputStream out = Files.newOutputStream(pipe)) {
        out.write("first-".getBytes(UTF_8));
        out.flush();
        Thread.sleep(300);
        out.write("second".getBytes(UTF_8));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertEquals("first-second", new String(local.readAtMost(pipe, 4096), UTF_8));
    writer.get(30, TimeUnit.SECONDS);
  }

  @Test
  void theCurrentUserOwnsTheFilesItCreates() throws Exception {
    Path file = Files.writeString(directory.resolve("mine"), "x");
    assertEquals(((Number) Files.getAttribute(file, "unix:uid")).longValue(), local.currentUserId());
  }
}
