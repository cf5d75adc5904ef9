package io.pyvider.bootstrap.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The daemon's directory: its port and authentication files live here, so who can read it decides who can reach the
 * daemon. It must be a real directory (no symlink), owned by this user, mode 0700, inside a parent that only this user
 * can write; anything else is refused, and the launcher then starts the provider directly.
 */
public final class DaemonDirectory {

  static final String AUTH_FILE = "auth";
  static final String PORT_FILE = "port";
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final Path path;

  private DaemonDirectory(Path path) {
    this.path = path;
  }

  /** The directory, checked; the message of the exception says what is wrong with it. */
  public static DaemonDirectory checked(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    long uid = currentUid();
    PosixFileAttributes attributes = Files.readAttributes(absolute, PosixFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isDirectory()) {
      throw new IOException(absolute + " is not a directory (a symlink is refused)");
    }
    if (ownerUid(absolute) != uid) {
      throw new IOException(absolute + " is owned by another user");
    }
    if (!attributes.permissions().equals(OWNER_ONLY_DIRECTORY)) {
      throw new IOException(absolute + " has mode " + PosixFilePermissions.toString(attributes.permissions())
          + "; it must be rwx------ (0700)");
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      Set<PosixFilePermission> parentModes = Files.getPosixFilePermissions(parent);
      boolean othersWrite = parentModes.contains(PosixFilePermission.GROUP_WRITE)
          || parentModes.contains(PosixFilePermission.OTHERS_WRITE);
      if (othersWrite && ownerUid(parent) != 0) { // root-owned and shared, like /tmp: sticky, so ours stays ours
        throw new IOException(parent + " is writable by other users, who could replace " + absolute);
      }
    }
    return new DaemonDirectory(absolute);
  }

  public Path path() {
    return path;
  }

  /** Writes a file only this user can read, atomically (a launcher never sees half of it). */
  void writePrivate(String name, String content) throws IOException {
    Path temporary = Files.createTempFile(path, "." + name, ".tmp",
        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
    try {
      Files.writeString(temporary, content, StandardCharsets.US_ASCII);
      Files.move(temporary, path.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The content of one of our files, if it is a regular file of ours (never through a symlink) and small. */
  Optional<String> readPrivate(String name) throws IOException {
    Path file = path.resolve(name);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (ownerUid(file) != currentUid() || Files.size(file) > 4096) {
      throw new IOException(file + " is not a small file of this user's");
    }
    return Optional.of(Files.readString(file, StandardCharsets.US_ASCII));
  }

  /**
   * Removes our port file if it still names this daemon, by port and process (a successor may have replaced it; in
   * tests both live in one process).
   */
  void removePortFileOf(int port, long pid) {
    try {
      Optional<String> content = readPrivate(PORT_FILE);
      if (content.isPresent() && content.get().trim().equals(port + " " + pid)) {
        Files.deleteIfExists(path.resolve(PORT_FILE));
      }
    } catch (IOException unreadable) {
      // Nothing to clean up that is ours.
    }
  }

  static long currentUid() {
    return new com.sun.security.auth.module.UnixSystem().getUid();
  }

  private static long ownerUid(Path file) throws IOException {
    return ((Number) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
  }
}
