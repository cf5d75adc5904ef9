package io.pyvider.adapters.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Every look the key file takes at the file system while reading, in one place: a seam, so tests can count the looks
 * and stand in for another user. None of them follows a link at the last step, and none opens anything but a regular
 * file, so a FIFO or a device named as the key file never blocks or floods the reader.
 */
interface KeyFileAccess {

  /** What {@code path} itself is (a link is described, not followed); {@code NoSuchFileException} when absent. */
  Attributes attributes(Path path) throws IOException;

  /** {@code path} with every link resolved; {@code NoSuchFileException} when a link leads nowhere. */
  Path realPath(Path path) throws IOException;

  /** At most {@code limit} bytes from the start of the regular file {@code path}, opened without following a link. */
  byte[] readAtMost(Path path, int limit) throws IOException;

  /** The user this process runs as, to compare with a file's owner; {@link Attributes#UNKNOWN} where there is none. */
  long currentUserId();

  static KeyFileAccess local() {
    return Local.INSTANCE;
  }

  /** What a path is; owner and permissions are {@link #UNKNOWN} on file systems without Unix attributes. */
  record Attributes(Kind kind, long size, long ownerId, int permissions) {

    static final int UNKNOWN = -1;
  }

  /** The kinds of file a key path can name, worded for messages. */
  enum Kind {
    REGULAR_FILE("a regular file"),
    SYMBOLIC_LINK("a symbolic link"),
    DIRECTORY("a directory"),
    FIFO("a named pipe (FIFO)"),
    CHARACTER_DEVICE("a character device"),
    BLOCK_DEVICE("a block device"),
    SOCKET("a socket"),
    OTHER("a special file");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }

    /** The kind from the file-type bits of a Unix {@code st_mode}. */
    static Kind ofUnixMode(int mode) {
      return switch (mode & 0170000) {
        case 0100000 -> REGULAR_FILE;
        case 0120000 -> SYMBOLIC_LINK;
        case 0040000 -> DIRECTORY;
        case 0010000 -> FIFO;
        case 0020000 -> CHARACTER_DEVICE;
        case 0060000 -> BLOCK_DEVICE;
        case 0140000 -> SOCKET;
        default -> OTHER;
      };
    }
  }

  /** The real file system. */
  final class Local implements KeyFileAccess {

    static final Local INSTANCE = new Local();

    private Local() {}

    @Override
    public Attributes attributes(Path path) throws IOException {
      if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
        // lstat(2): never opens the file, so a FIFO or a device is only described.
        Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,size", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) unix.get("mode");
        return new Attributes(Kind.ofUnixMode(mode), (Long) unix.get("size"), ((Number) unix.get("uid")).longValue(),
            mode & 0777);
      }
      BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Kind kind = basic.isRegularFile() ? Kind.REGULAR_FILE : basic.isSymbolicLink() ? Kind.SYMBOLIC_LINK
          : basic.isDirectory() ? Kind.DIRECTORY : Kind.OTHER;
      return new Attributes(kind, basic.size(), Attributes.UNKNOWN, Attributes.UNKNOWN);
    }

    @Override
    public Path realPath(Path path) throws IOException {
      return path.toRealPath();
    }

    @Override
    public byte[] readAtMost(Path path, int limit) throws IOException {
      // O_NOFOLLOW: if the checked file was swapped for a link since, the open fails instead of following it. Other
      // providers (a zip file system) have no links to follow and refuse the option with IllegalArgumentException.
      Set<OpenOption> options = path.getFileSystem() == FileSystems.getDefault()
          ? Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS) : Set.of(StandardOpenOption.READ);
      ByteBuffer buffer = ByteBuffer.allocate(limit);
      try (SeekableByteChannel channel = Files.newByteChannel(path, options)) {
        int read;
        do {
          read = channel.read(buffer);
        } while (read >= 0 && buffer.hasRemaining());
        return Arrays.copyOf(buffer.array(), buffer.position());
      } finally {
        Arrays.fill(buffer.array(), (byte) 0);
      }
    }

    @Override
    public long currentUserId() {
      try {
        return new com.sun.security.auth.module.UnixSystem().getUid();
      } catch (LinkageError notUnix) {
        return Attributes.UNKNOWN;
      }
    }
  }
}
