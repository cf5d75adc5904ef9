package io.pyvider.application.port.out;

import java.util.List;
import java.util.Objects;

/** What listing a directory found: its entries, or why there are none. */
public sealed interface DirectoryRead {

  /**
   * The entries (names only, never contents, in no particular order). An entry's kind is its own: a symbolic link
   * is {@link FileKind#OTHER}, never what it points to, so a walk cannot be led out of the directory or into a loop.
   */
  record Entries(List<Entry> entries) implements DirectoryRead {
    public Entries {
      entries = List.copyOf(entries);
    }
  }

  /** Nothing exists at the path. */
  record Missing() implements DirectoryRead {
  }

  /** Something other than a directory is there. */
  record NotADirectory(FileKind kind) implements DirectoryRead {
  }

  /** The directory exists but could not be listed. */
  record Failed(FileProblem problem, String detail) implements DirectoryRead {
    public Failed {
      Objects.requireNonNull(problem, "problem");
      detail = detail == null ? "" : detail;
    }
  }

  /** One entry of a directory. */
  record Entry(String name, FileKind kind) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
    }
  }
}
