package io.pyvider.adapters.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pyvider.application.port.out.Environment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The per-user private-state key file: where it lives, how it is created, and what is refused or warned about when
 * it is read (see the README's "Private-state key" section for why each case is one or the other).
 */
final class KeyFile {

  static final String KEY_FILE_VARIABLE = "PYVIDER_PRIVATE_STATE_KEY_FILE";
  /** A key file holds one line; anything bigger is some other file, and is never read whole. */
  static final int MAX_BYTES = 4096;
  /** Below this a key is guessable offline from any sealed blob: it still opens state, but seals nothing new. */
  static final int MINIMUM_SEALING_LENGTH = 16;
  /** Below this a key is used with a warning. */
  static final int RECOMMENDED_LENGTH = 32;
  /** What keygen and the first run write: 32 random bytes in base64url. */
  static final int GENERATED_LENGTH = 43;
  private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private final Path path;
  private final KeyFileAccess access;

  KeyFile(Path path, KeyFileAccess access) {
    this.path = path;
    this.access = access;
  }

  /**
   * {@code $PYVIDER_PRIVATE_STATE_KEY_FILE}, else {@code $XDG_CONFIG_HOME/pyvider/private-state.key}, else
   * {@code $HOME/.config/pyvider/private-state.key}; empty when none of them gives a usable path.
   */
  static Optional<KeyFile> locate(Environment environment, Path workingDirectory, KeyFileAccess access) {
    Optional<Path> explicit = path(environment, KEY_FILE_VARIABLE, false, workingDirectory);
    if (explicit.isPresent()) {
      return explicit.map(path -> new KeyFile(path, access));
    }
    // The XDG base directory spec says relative values are invalid and must be ignored; a relative HOME would
    // resolve against Terraform's working directory, which is no place for a key either.
    Optional<Path> configHome = path(environment, "XDG_CONFIG_HOME", true, workingDirectory)
        .or(() -> path(environment, "HOME", true, workingDirectory).map(home -> home.resolve(".config")));
    return configHome.map(dir -> new KeyFile(dir.resolve("pyvider").resolve("private-state.key"), access));
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

  /**
   * The key file as it is now, never creating anything: absent, refused (with the sentence why), or found. Only a
   * regular file of at most {@link #MAX_BYTES} is ever opened, and a link only when it stays inside the key's own
   * directory (a mounted secret's {@code key -> ..data/key}); a link elsewhere could make a key of any file.
   */
  Loaded read() throws IOException {
    KeyFileAccess.Attributes attributes;
    try {
      attributes = access.attributes(path);
    } catch (NoSuchFileException absent) {
      return Loaded.ABSENT;
    }
    Path file = path;
    if (attributes.kind() == KeyFileAccess.Kind.SYMBOLIC_LINK) {
      try {
        file = access.realPath(path);
      } catch (NoSuchFileException dangling) {
        return refused("is a symbolic link to a file that does not exist");
      }
      Path directory = access.realPath(path.getParent());
      if (!file.startsWith(directory)) {
        return refused("is a symbolic link to " + file + ", outside its directory " + directory + "; a key file may "
            + "link only within its own directory: copy the key into place instead");
      }
      attributes = access.attributes(file);
    }
    if (attributes.kind() != KeyFileAccess.Kind.REGULAR_FILE) {
      return refused("is " + attributes.kind().description() + ", not a regular file");
    }
    if (attributes.size() > MAX_BYTES) {
      return refused("is " + attributes.size() + " bytes long, more than any key file (at most " + MAX_BYTES
          + " bytes): it is not a key file");
    }
    byte[] bytes = access.readAtMost(file, MAX_BYTES + 1);
    try {
      if (bytes.length > MAX_BYTES) {
        return refused("grew past " + MAX_BYTES + " bytes while it was read: it is not a key file");
      }
      return judge(bytes, attributes, file);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The content as a key: refused when it cannot be one, else found, with what makes it weak or exposed. */
  private Loaded judge(byte[] bytes, KeyFileAccess.Attributes attributes, Path file) {
    String text;
    try {
      text = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notText) {
      return refused("is not UTF-8 text: it is not a key file");
    }
    // Surrounding whitespace is the editor's or echo's newline, never part of the key.
    String secret = text.strip();
    if (secret.isEmpty()) {
      return refused("is empty");
    }
    if (secret.codePoints().anyMatch(Character::isISOControl)) {
      return refused("holds control characters: it is binary or several lines, not one key");
    }
    int length = secret.codePointCount(0, secret.length());
    List<String> warnings = new ArrayList<>();
    Optional<String> tooWeakToSeal = Optional.empty();
    if (length < MINIMUM_SEALING_LENGTH) {
      tooWeakToSeal = Optional.of("the key file " + path + " holds a key of only " + length + " characters, too short "
          + "to seal private state with (at least " + MINIMUM_SEALING_LENGTH + "; `terraform-provider-pyvider keygen` "
          + "prints a " + GENERATED_LENGTH + "-character one)");
    } else if (length < RECOMMENDED_LENGTH) {
      warnings.add("the key file " + path + " holds a key of only " + length + " characters (" + RECOMMENDED_LENGTH
          + " or more recommended; `terraform-provider-pyvider keygen` prints a " + GENERATED_LENGTH
          + "-character one)");
    }
    long currentUser = access.currentUserId();
    if (attributes.ownerId() != KeyFileAccess.Attributes.UNKNOWN && currentUser != KeyFileAccess.Attributes.UNKNOWN
        && attributes.ownerId() != currentUser) {
      warnings.add("the key file " + path + " belongs to another user (uid " + attributes.ownerId() + "; this "
          + "provider runs as uid " + currentUser + "), who can read and replace it; copy it to a file of your own "
          + "with mode 0600");
    }
    int others = attributes.permissions() == KeyFileAccess.Attributes.UNKNOWN ? 0 : attributes.permissions() & 077;
    if (others != 0) {
      warnings.add("the key file " + path + " has mode " + String.format("%04o", attributes.permissions()) + ", so "
          + exposure(others) + "; run `chmod 600 " + file + "`");
    }
    return new Found(secret, false, warnings, tooWeakToSeal);
  }

  private static String exposure(int groupAndOtherBits) {
    boolean read = (groupAndOtherBits & 044) != 0;
    boolean write = (groupAndOtherBits & 022) != 0;
    if (read && write) {
      return "other users can read it (and open the private state sealed with it) and replace it";
    }
    if (read) {
      return "other users can read it and open the private state sealed with it";
    }
    return write ? "other users can replace it" : "it grants other users access";
  }

  private Refused refused(String problem) {
    return new Refused("the key file " + path + " " + problem);
  }

  /** Reads the key, or creates the file with {@code newSecret} when it is absent. */
  Loaded readOrCreate(String newSecret) throws IOException {
    Loaded existing = read();
    return existing == Loaded.ABSENT ? create(newSecret) : existing;
  }

  /** Creates the file with {@code newSecret}; when another process created it first, reads theirs. */
  Loaded create(String newSecret) throws IOException {
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

  private Loaded publish(Path temporary, String newSecret) throws IOException {
    try {
      // link(2) fails when the name exists, so of two provider processes racing here exactly one key wins and the
      // other reads it; a rename would silently replace the winner's key.
      Files.createLink(path, temporary);
      return new Found(newSecret, true, List.of(), Optional.empty());
    } catch (FileAlreadyExistsException lostTheRace) {
      return readExisting(lostTheRace);
    } catch (UnsupportedOperationException | IOException noHardLinks) {
      // Some file systems have no hard links; a move without REPLACE_EXISTING still refuses to overwrite.
      try {
        Files.move(temporary, path);
        return new Found(newSecret, true, List.of(), Optional.empty());
      } catch (FileAlreadyExistsException lostTheRace) {
        return readExisting(lostTheRace);
      }
    }
  }

  /** What is at the path now that creating it failed because something is there. */
  private Loaded readExisting(FileAlreadyExistsException lostTheRace) throws IOException {
    Loaded existing = read();
    if (existing == Loaded.ABSENT) {
      throw lostTheRace;
    }
    return existing;
  }

  /** What the key file held when read: nothing, something unusable, or a key. */
  sealed interface Loaded permits Absent, Refused, Found {

    Loaded ABSENT = new Absent();
  }

  /** No file at the path. */
  static final class Absent implements Loaded {

    private Absent() {}

    @Override
    public String toString() {
      return "KeyFile.Absent";
    }
  }

  /** A file that cannot serve as a key; {@code problem} is a sentence naming the file, never its content. */
  record Refused(String problem) implements Loaded {
  }

  /**
   * A key read from or written to the file, with what makes it exposed or weak (sentences, for the log and doctor);
   * {@code tooWeakToSeal} says why it opens old state but seals nothing new. {@link #toString()} hides the key.
   */
  static final class Found implements Loaded {
    private final String secret;
    private final boolean created;
    private final List<String> warnings;
    private final Optional<String> tooWeakToSeal;

    Found(String secret, boolean created, List<String> warnings, Optional<String> tooWeakToSeal) {
      this.secret = secret;
      this.created = created;
      this.warnings = List.copyOf(warnings);
      this.tooWeakToSeal = tooWeakToSeal;
    }

    String secret() {
      return secret;
    }

    boolean created() {
      return created;
    }

    List<String> warnings() {
      return warnings;
    }

    Optional<String> tooWeakToSeal() {
      return tooWeakToSeal;
    }

    @Override
    public String toString() {
      return "KeyFile.Found[created=" + created + ", " + warnings.size() + " warning(s), weak="
          + tooWeakToSeal.isPresent() + ", secret redacted]";
    }
  }
}
