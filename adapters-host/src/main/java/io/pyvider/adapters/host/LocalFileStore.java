package io.pyvider.adapters.host;

import io.pyvider.application.port.out.DirectoryRead;
import io.pyvider.application.port.out.FileKind;
import io.pyvider.application.port.out.FileProblem;
import io.pyvider.application.port.out.FileRead;
import io.pyvider.application.port.out.FileRemoval;
import io.pyvider.application.port.out.FileStore;
import io.pyvider.application.port.out.FileWrite;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The local file system through java.nio: atomic replacement (temporary file in the target's directory, fsync,
 * rename), every failure mapped to a {@link FileProblem}. Nothing is thrown out of it.
 */
final class LocalFileStore implements FileStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  LocalFileStore() {
  }

  @Override
  public FileKind kind(Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return attributes.isRegularFile() ? FileKind.REGULAR_FILE
          : attributes.isDirectory() ? FileKind.DIRECTORY : FileKind.OTHER;
    } catch (NoSuchFileException | NotDirectoryException missing) {
      return FileKind.MISSING;
    } catch (IOException | SecurityException other) {
      return other instanceof FileSystemException fs && problemOf(fs) == FileProblem.PARENT_NOT_A_DIRECTORY
          ? FileKind.MISSING : FileKind.INACCESSIBLE;
    }
  }

  @Override
  public FileRead read(Path path) {
    FileKind kind = kind(path);
    switch (kind) {
      case MISSING:
        return new FileRead.Missing();
      case DIRECTORY:
      case OTHER:
        return new FileRead.NotRegularFile(kind);
      default:
        break;
    }
    try {
      if (Files.size(path) > Integer.MAX_VALUE - 16) {
        return new FileRead.Failed(FileProblem.IO_ERROR, "the file is larger than 2 GiB");
      }
      return new FileRead.Content(Files.readAllBytes(path));
    } catch (NoSuchFileException vanished) {
      return new FileRead.Missing();
    } catch (IOException | SecurityException failure) {
      return new FileRead.Failed(problemOf(failure), detailOf(failure));
    }
  }

  @Override
  public FileWrite write(Path path, byte[] content) {
    Path target = followLink(path);
    Path parent = target.getParent();
    if (parent == null) {
      return new FileWrite.Failed(FileProblem.IS_A_DIRECTORY, "the root directory cannot be written as a file");
    }
    FileKind before = kind(target);
    if (before == FileKind.DIRECTORY) {
      return new FileWrite.Failed(FileProblem.IS_A_DIRECTORY, null);
    }
    Path temporary = null;
    try {
      Files.createDirectories(parent);
      Optional<Set<PosixFilePermission>> keep = before == FileKind.REGULAR_FILE ? permissions(target)
          : Optional.empty();
      temporary = parent.resolve(".pyvider-" + HexFormat.of().formatHex(randomBytes()) + ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (keep.isPresent()) {
        Files.setPosixFilePermissions(temporary, keep.get());
      }
      move(temporary, target);
      temporary = null;
      syncDirectory(parent);
      return new FileWrite.Written(before == FileKind.MISSING);
    } catch (IOException | SecurityException failure) {
      return new FileWrite.Failed(problemOf(failure), detailOf(failure));
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException | SecurityException ignored) {
          // Best effort: the failure that matters has been reported.
        }
      }
    }
  }

  @Override
  public FileRemoval remove(Path path) {
    FileKind kind = kind(path);
    if (kind == FileKind.MISSING) {
      return new FileRemoval.Absent();
    }
    if (kind == FileKind.DIRECTORY || kind == FileKind.OTHER) {
      return new FileRemoval.NotRegularFile(kind);
    }
    try {
      Files.delete(path);
      return new FileRemoval.Removed();
    } catch (NoSuchFileException vanished) {
      return new FileRemoval.Absent();
    } catch (IOException | SecurityException failure) {
      return new FileRemoval.Failed(problemOf(failure), detailOf(failure));
    }
  }

  @Override
  public DirectoryRead list(Path directory) {
    FileKind kind = kind(directory);
    if (kind == FileKind.MISSING) {
      return new DirectoryRead.Missing();
    }
    if (kind != FileKind.DIRECTORY && kind != FileKind.INACCESSIBLE) {
      return new DirectoryRead.NotADirectory(kind);
    }
    List<DirectoryRead.Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      for (Path entry : stream) {
        entries.add(new DirectoryRead.Entry(entry.getFileName().toString(), ownKind(entry)));
      }
      return new DirectoryRead.Entries(entries);
    } catch (NoSuchFileException vanished) {
      return new DirectoryRead.Missing();
    } catch (IOException | SecurityException | java.nio.file.DirectoryIteratorException failure) {
      Exception cause = failure instanceof java.nio.file.DirectoryIteratorException iteration ? iteration.getCause()
          : failure;
      return new DirectoryRead.Failed(problemOf(cause), detailOf(cause));
    }
  }

  /** An entry's own kind: a symbolic link is OTHER, whatever it points to. */
  private static FileKind ownKind(Path entry) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      return attributes.isRegularFile() ? FileKind.REGULAR_FILE
          : attributes.isDirectory() ? FileKind.DIRECTORY : FileKind.OTHER;
    } catch (NoSuchFileException vanished) {
      return FileKind.MISSING;
    } catch (IOException | SecurityException unreadable) {
      return FileKind.INACCESSIBLE;
    }
  }

  /** A symbolic link is replaced through: the file it points to gets the new content, the link stays. */
  private static Path followLink(Path path) {
    if (!Files.isSymbolicLink(path)) {
      return path;
    }
    try {
      return path.toRealPath();
    } catch (IOException | SecurityException dangling) {
      return path;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException notAtomic) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Optional<Set<PosixFilePermission>> permissions(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    return view == null ? Optional.empty() : Optional.of(view.readAttributes().permissions());
  }

  /** Makes the rename durable; not every platform can open a directory, so this is best effort. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | SecurityException unsupported) {
      // The data itself is on disk; only the directory entry may still be in the cache.
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static FileProblem problemOf(Exception failure) {
    if (failure instanceof AccessDeniedException || failure instanceof SecurityException) {
      return FileProblem.PERMISSION_DENIED;
    }
    if (failure instanceof FileAlreadyExistsException || failure instanceof NotDirectoryException) {
      return FileProblem.PARENT_NOT_A_DIRECTORY;
    }
    if (failure instanceof FileSystemException fs && fs.getReason() != null) {
      String reason = fs.getReason().toLowerCase(Locale.ROOT);
      if (reason.contains("is a directory")) {
        return FileProblem.IS_A_DIRECTORY;
      }
      if (reason.contains("not a directory")) {
        return FileProblem.PARENT_NOT_A_DIRECTORY;
      }
      if (reason.contains("name too long") || reason.contains("invalid argument")
          || reason.contains("illegal byte sequence")) {
        return FileProblem.INVALID_PATH;
      }
      if (reason.contains("read-only file system")) {
        return FileProblem.READ_ONLY_FILE_SYSTEM;
      }
      if (reason.contains("permission denied") || reason.contains("operation not permitted")) {
        return FileProblem.PERMISSION_DENIED;
      }
    }
    return FileProblem.IO_ERROR;
  }

  /** The operating system's words for a failure, without repeating the (possibly long) path. */
  static String detailOf(Exception failure) {
    if (failure instanceof FileAlreadyExistsException exists) {
      return exists.getFile() + " exists and is not a directory";
    }
    if (failure instanceof FileSystemException fs) {
      if (fs.getReason() != null) {
        return fs.getReason();
      }
      return failure instanceof AccessDeniedException ? "permission denied"
          : failure.getClass().getSimpleName();
    }
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }
}
