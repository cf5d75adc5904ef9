package io.pyvider.application.port.out;

import java.nio.file.Path;

/**
 * The local file system, as {@code pyvider_file_content} needs it. Paths are absolute (the component resolves relative
 * names against {@link WorkingDirectory}); every outcome, failures included, is a value: nothing is thrown.
 */
public interface FileStore {

  /** What is at {@code path} now, following symbolic links. */
  FileKind kind(Path path);

  /** The bytes of the regular file at {@code path}, or why there are none. */
  FileRead read(Path path);

  /**
   * Replaces the file at {@code path} with {@code content} atomically: missing parent directories are created, the
   * bytes go to a temporary file in the same directory, are flushed to disk and renamed over the target, so readers
   * see the old file or the new one, never a part. An existing file keeps its permissions; a new one gets the
   * process's default (0666 less the umask). A symbolic link is followed: the file it points to is replaced.
   */
  FileWrite write(Path path, byte[] content);

  /** Removes the regular file at {@code path}; nothing there is not a failure. Directories are never removed. */
  FileRemoval remove(Path path);

  /** The entries of the directory at {@code directory} (following a link to it, but not the links inside it). */
  DirectoryRead list(Path directory);
}
