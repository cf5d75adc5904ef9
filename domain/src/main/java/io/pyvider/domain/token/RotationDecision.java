package io.pyvider.domain.token;

/** Whether a token may stay, or is due for re-issue. */
public enum RotationDecision {
  /** Valid and outside the rotation window. */
  VALID,
  /** Still valid, but less than the rotation window remains: re-issue now so consumers never hold an expired one. */
  DUE_IN_WINDOW,
  /** Past its expiry. */
  EXPIRED;

  public boolean isDue() {
    return this != VALID;
  }
}
