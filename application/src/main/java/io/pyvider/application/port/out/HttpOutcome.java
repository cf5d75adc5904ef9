package io.pyvider.application.port.out;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The outcome of one HTTP exchange: a response (whatever its status), or why there is none. Never an exception. */
public sealed interface HttpOutcome {

  /**
   * A response. {@code headers} maps each header name as received to its values in order; {@code body} is the raw
   * bytes; {@code elapsed} runs from sending the request to having the whole body.
   */
  record Response(int status, Map<String, List<String>> headers, byte[] body, Duration elapsed)
      implements HttpOutcome {
    public Response {
      TreeMap<String, List<String>> copy = new TreeMap<>();
      (headers == null ? Map.<String, List<String>>of() : headers)
          .forEach((name, values) -> copy.put(name, List.copyOf(values)));
      headers = Collections.unmodifiableMap(copy);
      body = Objects.requireNonNull(body, "body").clone();
      Objects.requireNonNull(elapsed, "elapsed");
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Response r && r.status == status && r.headers.equals(headers)
          && Arrays.equals(r.body, body) && r.elapsed.equals(elapsed);
    }

    @Override
    public int hashCode() {
      return Objects.hash(status, headers, Arrays.hashCode(body), elapsed);
    }

    @Override
    public String toString() {
      return "Response[" + status + ", headers " + headers.keySet() + ", " + body.length + " bytes, " + elapsed + "]";
    }
  }

  /** No response; {@code detail} says why in words for the user (without header values or the body). */
  record Failed(HttpFailure failure, String detail) implements HttpOutcome {
    public Failed {
      Objects.requireNonNull(failure, "failure");
      detail = detail == null || detail.isBlank() ? failure.explanation() : detail;
    }
  }
}
