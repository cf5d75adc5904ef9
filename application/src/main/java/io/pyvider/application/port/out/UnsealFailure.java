package io.pyvider.application.port.out;

/** Why a sealed blob could not be opened; each reason has its own advice for the user. */
public enum UnsealFailure {
  /** Shorter than any valid blob: cut off in transit or storage. */
  TRUNCATED("the sealed private state is truncated"),
  /** The first byte names a format this provider does not know. */
  UNKNOWN_VERSION("the sealed private state has a format version this provider does not know"),
  /** Sealed with a key that is not in the key ring (the shared secret changed and the old one is not listed). */
  UNKNOWN_KEY("the sealed private state was sealed with a key this provider does not have"),
  /** Authentication failed: altered, sealed for another resource type, or sealed with a different secret. */
  AUTHENTICATION_FAILED("the sealed private state failed authentication: it was altered, sealed for another "
      + "resource type, or sealed with a different secret"),
  /** It opened, but what was inside is not the expected map of fields. */
  MALFORMED_PLAINTEXT("the sealed private state opened but does not hold the expected fields"),
  /** No key is configured or available at all. */
  NO_KEY("no private-state key is available");

  private final String explanation;

  UnsealFailure(String explanation) {
    this.explanation = explanation;
  }

  public String explanation() {
    return explanation;
  }
}
