package io.pyvider.adapters.cli.tokens;

import io.pyvider.adapters.cli.ExitCodes;

/** How a timed token stands at the time of an audit, worst last. */
public enum TokenStatus {
  /** Outside every warning window. */
  VALID(ExitCodes.OK),
  /** Still valid, but inside --warn-before or the token's own rotate_before. */
  EXPIRING(ExitCodes.TOKENS_EXPIRING),
  /** Its expires_at cannot be read, so nobody can tell when it expires. */
  UNREADABLE(ExitCodes.TOKENS_UNREADABLE),
  /** Past its expires_at. */
  EXPIRED(ExitCodes.TOKENS_EXPIRED);

  private final int exitCode;

  TokenStatus(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The audit's exit code when this is the worst status found. */
  public int exitCode() {
    return exitCode;
  }

  /** The lower-case word used in output: valid, expiring, unreadable, expired. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
