package io.pyvider.application.fakes;

import io.pyvider.application.port.out.HttpCall;
import io.pyvider.application.port.out.HttpFailure;
import io.pyvider.application.port.out.HttpOutcome;
import io.pyvider.application.port.out.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** An HTTP transport that answers from a script and records every call; no network. */
public final class ScriptedHttpTransport implements HttpTransport {

  private final Deque<HttpOutcome> script = new ArrayDeque<>();
  private final List<HttpCall> calls = new ArrayList<>();
  private HttpOutcome fallback = response(200, Map.of(), "");

  public static HttpOutcome.Response response(int status, Map<String, List<String>> headers, String body) {
    return new HttpOutcome.Response(status, headers, body.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(42));
  }

  public static HttpOutcome.Failed failure(HttpFailure failure, String detail) {
    return new HttpOutcome.Failed(failure, detail);
  }

  /** Answers the next calls with these outcomes, in order; after them, with the last one. */
  public ScriptedHttpTransport then(HttpOutcome... outcomes) {
    for (HttpOutcome outcome : outcomes) {
      script.addLast(outcome);
      fallback = outcome;
    }
    return this;
  }

  public List<HttpCall> calls() {
    return List.copyOf(calls);
  }

  public HttpCall onlyCall() {
    if (calls.size() != 1) {
      throw new AssertionError("expected exactly one call, got " + calls);
    }
    return calls.get(0);
  }

  @Override
  public HttpOutcome send(HttpCall call, BooleanSupplier cancelled) {
    calls.add(call);
    return script.isEmpty() ? fallback : script.removeFirst();
  }
}
