package io.pyvider.application.port.out;

/** Why an HTTP exchange produced no response. */
public enum HttpFailure {
  /** The connection was refused, reset or closed before a response arrived. */
  CONNECTION("the connection failed"),
  /** The host name could not be resolved. */
  UNKNOWN_HOST("the host name could not be resolved"),
  /** The exchange did not complete within the timeout. */
  TIMEOUT("the request timed out"),
  /** The TLS handshake failed: an untrusted or mismatching certificate, or no common protocol. */
  TLS("the TLS handshake failed"),
  /** The response body exceeds the size the provider accepts. */
  RESPONSE_TOO_LARGE("the response body is too large"),
  /** The request itself is not acceptable to the HTTP client (a forbidden header, an illegal character). */
  INVALID_REQUEST("the request is invalid"),
  /** The caller gave up (Terraform asked the provider to stop). */
  CANCELLED("the request was cancelled"),
  /** Any other input/output error. */
  IO("an input/output error occurred");

  private final String explanation;

  HttpFailure(String explanation) {
    this.explanation = explanation;
  }

  public String explanation() {
    return explanation;
  }
}
