package io.pyvider.adapters.cli;

/**
 * The CLI's exit codes. 0, 1 and 2 mean the same for every command; {@code tokens audit} adds 3, 4 and 5 so cron jobs
 * and CI steps can alert before a token expires without parsing output.
 */
public final class ExitCodes {

  /** The command did what was asked (for {@code tokens audit}: every token is valid, or there are none). */
  public static final int OK = 0;
  /** The command failed: unreadable input, a check that failed, a file that could not be written. */
  public static final int ERROR = 1;
  /** The command line is wrong: unknown command or option, missing or malformed argument. */
  public static final int USAGE = 2;
  /** {@code tokens audit}: some token is expiring (--warn-before or rotate_before); none expired or unreadable. */
  public static final int TOKENS_EXPIRING = 3;
  /** {@code tokens audit}: some token has expired. */
  public static final int TOKENS_EXPIRED = 4;
  /** {@code tokens audit}: some token's expiry cannot be read, and none has expired. */
  public static final int TOKENS_UNREADABLE = 5;

  /** The general list, for every command's --help (picocli's "code:description" form). */
  static final String[] GENERAL = {
      "0:success",
      "1:error (bad input, failed check, I/O failure); one line on stderr says why",
      "2:usage error (unknown command or option, bad argument)"};

  /** The list for daemon status's and daemon stop's --help: no daemon running is not an error. */
  static final String[] DAEMON = {
      "0:success, also when no daemon is running (status says so; stop has nothing to do)",
      "1:error: the daemon's directory is unknown or refused (owner, mode), or what answers is not this user's daemon",
      "2:usage error (unknown option or argument)"};

  /** The list for tokens audit's --help. */
  static final String[] AUDIT = {
      "0:every token is valid (or the state holds none)",
      "1:error: the state file is missing, unreadable, truncated, not JSON or not version 4",
      "2:usage error (unknown option, --warn-before that does not parse)",
      "3:some token is expiring (within --warn-before or its rotate_before); none expired or unreadable",
      "4:some token has expired",
      "5:some token's expires_at cannot be read; none expired"};

  private ExitCodes() {
  }
}
