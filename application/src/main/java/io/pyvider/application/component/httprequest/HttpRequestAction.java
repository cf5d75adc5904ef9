package io.pyvider.application.component.httprequest;

import static io.pyvider.application.component.Attributes.knownString;
import static io.pyvider.application.component.Attributes.knownStringMap;
import static io.pyvider.application.component.httprequest.HttpRequestSchema.BODY;
import static io.pyvider.application.component.httprequest.HttpRequestSchema.DEFAULT_METHOD;
import static io.pyvider.application.component.httprequest.HttpRequestSchema.DEFAULT_TIMEOUT;
import static io.pyvider.application.component.httprequest.HttpRequestSchema.HEADERS;
import static io.pyvider.application.component.httprequest.HttpRequestSchema.MAX_TIMEOUT;
import static io.pyvider.application.component.httprequest.HttpRequestSchema.METHOD;
import static io.pyvider.application.component.httprequest.HttpRequestSchema.SCHEMA;
import static io.pyvider.application.component.httprequest.HttpRequestSchema.TIMEOUT;
import static io.pyvider.application.component.httprequest.HttpRequestSchema.TYPE_NAME;
import static io.pyvider.application.component.httprequest.HttpRequestSchema.URL;

import io.pyvider.application.component.Action;
import io.pyvider.application.component.HttpRequestRules;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.port.out.HttpCall;
import io.pyvider.application.port.out.HttpFailure;
import io.pyvider.application.port.out.HttpOutcome;
import io.pyvider.application.port.out.HttpTransport;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Schema;
import io.pyvider.domain.token.TokenDuration;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pyvider_http_request}: sends one HTTP request through the {@link HttpTransport} port when invoked, and
 * nothing when planned. Exactly one attempt: an action may not be safe to repeat. Progress and diagnostics name the
 * method, the URL (without user information) and the outcome; never a header value, the body or the response body
 * (a server may echo the request's headers in it).
 */
public final class HttpRequestAction implements Action {

  private final HttpTransport transport;

  public HttpRequestAction(HttpTransport transport) {
    this.transport = transport;
  }

  @Override
  public String typeName() {
    return TYPE_NAME;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    List<Diagnostic> problems = new ArrayList<>();
    HttpRequestRules.checkRequest(config, problems);
    knownString(config, TIMEOUT).ifPresent(timeout -> checkTimeout(timeout, problems));
    return Diagnostics.of(problems);
  }

  private static void checkTimeout(String text, List<Diagnostic> problems) {
    AttributePath path = AttributePath.attribute(TIMEOUT);
    TokenDuration timeout;
    try {
      timeout = TokenDuration.parse(text);
    } catch (IllegalArgumentException unreadable) {
      problems.add(Diagnostic.error(path, "Invalid timeout", unreadable.getMessage() + "."));
      return;
    }
    if (timeout.isZero() || timeout.duration().compareTo(MAX_TIMEOUT.duration()) > 0) {
      problems.add(Diagnostic.error(path, "Invalid timeout", "timeout must be from 1s to " + MAX_TIMEOUT
          + ", not \"" + timeout + "\"."));
    }
  }

  /** Sends the request, once; the engine has validated the configuration, which is wholly known. */
  @Override
  public Diagnostics invoke(Value.ObjectVal config, ProviderContext provider, Progress progress) {
    String method = knownString(config, METHOD).orElse(DEFAULT_METHOD).toUpperCase(Locale.ROOT);
    Optional<URI> uri = knownString(config, URL).flatMap(HttpRequestRules::parse);
    if (uri.isEmpty()) {
      return Diagnostics.of(Diagnostic.error(AttributePath.attribute(URL), "Invalid URL",
          "url is not a valid http:// or https:// URL."));
    }
    TokenDuration timeout = knownString(config, TIMEOUT).map(TokenDuration::parse).orElse(DEFAULT_TIMEOUT);
    Map<String, String> headers = knownStringMap(config, HEADERS).orElse(Map.of());
    HttpCall call = new HttpCall(method, uri.get(), headers, knownString(config, BODY), timeout.duration());
    String target = method + " " + HttpRequestRules.redacted(uri.get());

    progress.report("Sending " + target + " (timeout " + timeout + ")");
    HttpOutcome outcome = transport.send(call, provider.cancellation()::isCancelled);

    if (outcome instanceof HttpOutcome.Response response) {
      progress.report(target + " answered with status " + response.status() + " after "
          + response.elapsed().toMillis() + " ms");
      return answered(target, response.status());
    }
    return failed(target, (HttpOutcome.Failed) outcome);
  }

  private static Diagnostics answered(String target, int status) {
    if (status >= 200 && status < 300) {
      return Diagnostics.NONE;
    }
    String why = status >= 300 && status < 400
        ? " The provider follows up to 5 redirects, never from https:// to http://; this one was not followed."
        : "";
    return Diagnostics.of(Diagnostic.error("HTTP request failed with status " + status,
        target + " answered with HTTP status " + status + ", not a 2xx success." + why));
  }

  private static Diagnostics failed(String target, HttpOutcome.Failed failed) {
    boolean cancelled = failed.failure() == HttpFailure.CANCELLED;
    boolean perhapsReceived = cancelled || failed.failure() == HttpFailure.TIMEOUT;
    return Diagnostics.of(Diagnostic.error(cancelled ? "HTTP request cancelled" : "HTTP request failed",
        target + " got no response: " + HttpRequestRules.reason(failed) + "."
            + (cancelled ? " Terraform asked the provider to stop." : "")
            + (perhapsReceived ? " The server may still have received and acted on the request." : "")));
  }
}
