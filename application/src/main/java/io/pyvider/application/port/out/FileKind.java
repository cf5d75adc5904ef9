package io.pyvider.application.port.out;

/** What a path names, following symbolic links. */
public enum FileKind {
  /** Nothing exists at the path. */
  MISSING,
  /** A regular file. */
  REGULAR_FILE,
  /** A directory. */
  DIRECTORY,
  /** Something else: a device, a socket, a pipe. */
  OTHER,
  /** The path could not be examined (e.g. a parent directory cannot be searched). */
  INACCESSIBLE
}
