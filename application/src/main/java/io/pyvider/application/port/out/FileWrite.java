package io.pyvider.application.port.out;

import java.util.Objects;

/** The outcome of an atomic write: done, or why not (in which case the target is unchanged). */
public sealed interface FileWrite {

  /** The file now holds the new content; {@code created} tells whether it did not exist before. */
  record Written(boolean created) implements FileWrite {
  }

  /** Nothing was changed at the target. */
  record Failed(FileProblem problem, String detail) implements FileWrite {
    public Failed {
      Objects.requireNonNull(problem, "problem");
      detail = detail == null ? problem.explanation() : detail;
    }
  }
}
