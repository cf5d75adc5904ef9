package io.pyvider.application.port.out;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request: an upper-case method, an absolute http(s) URI, headers, an optional UTF-8 body, and the time the
 * whole exchange (connect, send, receive the body) may take. {@link #toString()} never shows header values, the
 * body or user information in the URL: they typically carry credentials.
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, Optional<String> body, Duration timeout) {

  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = Collections.unmodifiableMap(new TreeMap<>(headers == null ? Map.of() : headers));
    body = body == null ? Optional.empty() : body;
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  @Override
  public String toString() {
    // Host and port only: the authority may carry user information (a password).
    String where = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    return "HttpCall[" + method + " " + uri.getScheme() + "://" + where + "..., headers "
        + headers.keySet() + " (values redacted), body " + (body.isPresent() ? "present (redacted)" : "none")
        + ", timeout " + timeout + "]";
  }
}
