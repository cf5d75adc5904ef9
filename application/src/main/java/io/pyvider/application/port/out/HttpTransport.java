package io.pyvider.application.port.out;

import java.util.function.BooleanSupplier;

/**
 * Sends one HTTP request and returns the response or why there is none. One call is one attempt: retrying is the
 * caller's decision. TLS certificates and host names are verified; redirects are followed (a bounded number, never
 * from HTTPS to HTTP; past the bound the last 3xx response is the outcome). Implementations never log header values
 * or bodies.
 */
public interface HttpTransport {

  /**
   * Sends {@code call}. {@code cancelled} is polled while waiting: once it answers true the exchange is abandoned and
   * the outcome is {@link HttpFailure#CANCELLED}. Any status code, 4xx and 5xx included, is a {@link
   * HttpOutcome.Response}; only the absence of a response is a {@link HttpOutcome.Failed}.
   */
  HttpOutcome send(HttpCall call, BooleanSupplier cancelled);
}
