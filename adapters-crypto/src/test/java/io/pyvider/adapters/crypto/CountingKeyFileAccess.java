package io.pyvider.adapters.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real file system, counting every look at a key file, optionally as another user than the one running. Tests
 * that need a file to change between the look and the read override {@link #readAtMost}.
 */
class CountingKeyFileAccess implements KeyFileAccess {

  private final KeyFileAccess local = KeyFileAccess.local();
  private final AtomicInteger looks = new AtomicInteger();
  private final AtomicInteger reads = new AtomicInteger();
  private final long userId;

  CountingKeyFileAccess() {
    this.userId = local.currentUserId();
  }

  private CountingKeyFileAccess(long userId) {
    this.userId = userId;
  }

  /** The same file system seen by a process of another user. */
  static CountingKeyFileAccess asAnotherUser() {
    return new CountingKeyFileAccess(KeyFileAccess.local().currentUserId() + 4242);
  }

  /** How often a path was looked at (every read of the key file starts with one). */
  int looks() {
    return looks.get();
  }

  /** How often a file's content was read. */
  int reads() {
    return reads.get();
  }

  @Override
  public Attributes attributes(Path path) throws IOException {
    looks.incrementAndGet();
    return local.attributes(path);
  }

  @Override
  public Path realPath(Path path) throws IOException {
    return local.realPath(path);
  }

  @Override
  public byte[] readAtMost(Path path, int limit) throws IOException {
    reads.incrementAndGet();
    return local.readAtMost(path, limit);
  }

  @Override
  public long currentUserId() {
    return userId;
  }
}
