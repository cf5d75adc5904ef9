package io.pyvider.adapters.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pyvider.application.port.out.Environment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/** The per-user private-state key file: where it lives, and how it is read or created exactly once. */
final class KeyFile {

  static final String KEY_FILE_VARIABLE = "PYVIDER_PRIVATE_STATE_KEY_FILE";
  private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private final Path path;

  KeyFile(Path path) {
    this.path = path;
  }

  /**
   * {@code $PYVIDER_PRIVATE_STATE_KEY_FILE}, else {@code $XDG_CONFIG_HOME/pyvider/private-state.key}, else
   * {@code $HOME/.config/pyvider/private-state.key}; empty when none of them gives a usable path.
   */
  static Optional<KeyFile> locate(Environment environment, Path workingDirectory) {
    Optional<Path> explicit = path(environment, KEY_FILE_VARIABLE, false, workingDirectory);
    if (explicit.isPresent()) {
      return explicit.map(KeyFile::new);
    }
    // The XDG base directory spec says relative values are invalid and must be ignored; a relative HOME would
    // resolve against Terraform's working directory, which is no place for a key either.
    Optional<Path> configHome = path(environment, "XDG_CONFIG_HOME", true, workingDirectory)
        .or(() -> path(environment, "HOME", true, workingDirectory).map(home -> home.resolve(".config")));
    return configHome.map(dir -> new KeyFile(dir.resolve("pyvider").resolve("private-state.key")));
  }

  private static Optional<Path> path(Environment environment, String variable, boolean mustBeAbsolute,
      Path workingDirectory) {
    Optional<String> value = environment.get(variable).filter(v -> !v.isBlank());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(value.get());
      if (mustBeAbsolute && !path.isAbsolute()) {
        return Optional.empty();
      }
      return Optional.of(workingDirectory.resolve(path).normalize());
    } catch (InvalidPathException notAPath) {
      return Optional.empty();
    }
  }

  Path path() {
    return path;
  }

  /** The secret in the file, or empty when the file does not exist; never creates anything. */
  Optional<String> readIfPresent() throws IOException {
    String text;
    try {
      text = Files.readString(path, UTF_8);
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    }
    String secret = text.strip();
    if (secret.isEmpty()) {
      throw new IOException("the key file " + path + " is empty");
    }
    return Optional.of(secret);
  }

  /** Reads the secret, or creates the file with {@code newSecret} when it is absent. */
  Contents readOrCreate(String newSecret) throws IOException {
    Optional<String> existing = readIfPresent();
    if (existing.isPresent()) {
      return new Contents(existing.get(), false);
    }
    Path directory = path.getParent();
    boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(directory)) {
      if (posix) {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        // The attribute passes through the umask; set it again so the directory is exactly 0700.
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
      } else {
        Files.createDirectories(directory);
      }
    }
    FileAttribute<?>[] attributes =
        posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)} : new FileAttribute<?>[0];
    // Write a complete temporary file first, then give it its final name atomically, so no process ever reads a
    // half-written key; the file is 0600 from its creation, never briefly readable by others.
    Path temporary = Files.createTempFile(directory, ".private-state.key-", ".tmp", attributes);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap((newSecret + "\n").getBytes(UTF_8)));
        channel.force(true);
      }
      return publish(temporary, newSecret);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private Contents publish(Path temporary, String newSecret) throws IOException {
    try {
      // link(2) fails when the name exists, so of two provider processes racing here exactly one key wins and the
      // other reads it; a rename would silently replace the winner's key.
      Files.createLink(path, temporary);
      return new Contents(newSecret, true);
    } catch (FileAlreadyExistsException lostTheRace) {
      return new Contents(readIfPresent().orElseThrow(() -> lostTheRace), false);
    } catch (UnsupportedOperationException | IOException noHardLinks) {
      // Some file systems have no hard links; a move without REPLACE_EXISTING still refuses to overwrite.
      try {
        Files.move(temporary, path);
        return new Contents(newSecret, true);
      } catch (FileAlreadyExistsException lostTheRace) {
        return new Contents(readIfPresent().orElseThrow(() -> lostTheRace), false);
      }
    }
  }

  /** A secret read from or written to the key file; {@link #toString()} hides it. */
  static final class Contents {
    private final String secret;
    private final boolean created;

    Contents(String secret, boolean created) {
      this.secret = secret;
      this.created = created;
    }

    String secret() {
      return secret;
    }

    boolean created() {
      return created;
    }

    @Override
    public String toString() {
      return "KeyFile.Contents[created=" + created + ", secret redacted]";
    }
  }
}
