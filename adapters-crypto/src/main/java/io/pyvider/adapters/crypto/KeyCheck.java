package io.pyvider.adapters.crypto;

import java.util.Objects;

/** The private-state key configuration as {@code doctor} reports it; {@code detail} is a sentence, never a key. */
public record KeyCheck(Verdict verdict, String detail) {

  /** OK: keys are usable and private. WARNING: usable, but exposed or weak. UNUSABLE: nothing can be sealed. */
  public enum Verdict { OK, WARNING, UNUSABLE }

  public KeyCheck {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(detail, "detail");
  }

  static KeyCheck ok(String detail) {
    return new KeyCheck(Verdict.OK, detail);
  }

  static KeyCheck warning(String detail) {
    return new KeyCheck(Verdict.WARNING, detail);
  }

  static KeyCheck unusable(String detail) {
    return new KeyCheck(Verdict.UNUSABLE, detail);
  }
}
