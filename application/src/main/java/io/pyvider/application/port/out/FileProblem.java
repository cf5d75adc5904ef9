package io.pyvider.application.port.out;

/** Why a file operation failed; each has its own advice for the user. */
public enum FileProblem {
  /** The path names a directory where a file is expected. */
  IS_A_DIRECTORY("the path is a directory"),
  /** A parent of the path exists but is not a directory. */
  PARENT_NOT_A_DIRECTORY("a parent of the path is not a directory"),
  /** The process may not read, create or replace the file (or search or write a parent directory). */
  PERMISSION_DENIED("permission denied"),
  /** The operating system rejects the path itself: too long, or containing characters it does not allow. */
  INVALID_PATH("the operating system rejects the path"),
  /** The file system is mounted read-only. */
  READ_ONLY_FILE_SYSTEM("the file system is read-only"),
  /** Any other input/output error (disk full, I/O error, ...). */
  IO_ERROR("an input/output error occurred");

  private final String explanation;

  FileProblem(String explanation) {
    this.explanation = explanation;
  }

  public String explanation() {
    return explanation;
  }
}
