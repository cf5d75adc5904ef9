package io.pyvider.application.port.out;

import java.util.Arrays;
import java.util.Objects;

/** The outcome of reading a file: its bytes, nothing there, something that is not a file, or a failure. */
public sealed interface FileRead {

  /** The file's bytes, exactly as stored. */
  record Content(byte[] bytes) implements FileRead {
    public Content {
      Objects.requireNonNull(bytes, "bytes");
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Content c && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Content[" + bytes.length + " bytes]";
    }
  }

  /** Nothing exists at the path. */
  record Missing() implements FileRead {
  }

  /** Something exists at the path, but it is not a regular file. */
  record NotRegularFile(FileKind kind) implements FileRead {
    public NotRegularFile {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** The file could not be read. */
  record Failed(FileProblem problem, String detail) implements FileRead {
    public Failed {
      Objects.requireNonNull(problem, "problem");
      detail = detail == null ? problem.explanation() : detail;
    }
  }
}
