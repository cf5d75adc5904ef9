package io.pyvider.application.port.out;

import java.util.Objects;

/** The outcome of opening a sealed blob: the data, or why it could not be opened. Never an exception. */
public sealed interface UnsealResult {

  /**
   * The blob opened. {@code staleKey} is true when it was sealed with an older key or format, so the caller should
   * seal it again with the current key.
   */
  record Opened(PrivateData data, boolean staleKey) implements UnsealResult {
    public Opened {
      Objects.requireNonNull(data, "data");
    }
  }

  /** The blob did not open; {@code detail} says why without revealing any content. */
  record Failed(UnsealFailure reason, String detail) implements UnsealResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
      detail = detail == null ? reason.explanation() : detail;
    }
  }
}
