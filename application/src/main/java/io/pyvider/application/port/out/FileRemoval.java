package io.pyvider.application.port.out;

import java.util.Objects;

/** The outcome of removing a file. */
public sealed interface FileRemoval {

  /** The file was removed. */
  record Removed() implements FileRemoval {
  }

  /** There was nothing to remove. */
  record Absent() implements FileRemoval {
  }

  /** Something that is not a regular file is at the path; it was left alone. */
  record NotRegularFile(FileKind kind) implements FileRemoval {
    public NotRegularFile {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** The file could not be removed. */
  record Failed(FileProblem problem, String detail) implements FileRemoval {
    public Failed {
      Objects.requireNonNull(problem, "problem");
      detail = detail == null ? problem.explanation() : detail;
    }
  }
}
