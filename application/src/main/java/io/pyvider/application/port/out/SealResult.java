package io.pyvider.application.port.out;

import java.util.Objects;

/** The outcome of sealing: the blob, or why no key could seal it. Never an exception. */
public sealed interface SealResult {

  /** The sealed blob (empty for empty data). */
  record Sealed(byte[] blob) implements SealResult {
    public Sealed {
      Objects.requireNonNull(blob, "blob");
      blob = blob.clone();
    }

    @Override
    public byte[] blob() {
      return blob.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Sealed s && java.util.Arrays.equals(s.blob, blob);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
      return "Sealed[" + blob.length + " bytes]";
    }
  }

  /** No blob: {@code detail} tells the user what to configure. */
  record Failed(String detail) implements SealResult {
    public Failed {
      Objects.requireNonNull(detail, "detail");
    }
  }
}
