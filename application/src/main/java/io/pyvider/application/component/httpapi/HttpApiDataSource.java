package io.pyvider.application.component.httpapi;

import static io.pyvider.application.component.Attributes.knownBool;
import static io.pyvider.application.component.Attributes.knownNumber;
import static io.pyvider.application.component.Attributes.knownString;
import static io.pyvider.application.component.Attributes.knownStringMap;
import static io.pyvider.application.component.Attributes.stringMap;
import static io.pyvider.application.component.httpapi.HttpApiSchema.*;

import io.pyvider.application.component.DataReadResult;
import io.pyvider.application.component.DataSource;
import io.pyvider.application.component.HttpRequestRules;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.port.out.HttpCall;
import io.pyvider.application.port.out.HttpFailure;
import io.pyvider.application.port.out.HttpOutcome;
import io.pyvider.application.port.out.HttpTransport;
import io.pyvider.application.port.out.Sleeper;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Schema;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * {@code pyvider_http_api}: one HTTP request through the {@link HttpTransport} port, with bounded retries (back-off
 * through the {@link Sleeper} port, abandoned when Terraform asks the provider to stop). Header values and bodies are
 * never put into diagnostics.
 */
public final class HttpApiDataSource implements DataSource {

  static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
  static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);
  static final Set<HttpFailure> RETRIED_FAILURES =
      Set.of(HttpFailure.CONNECTION, HttpFailure.UNKNOWN_HOST, HttpFailure.TIMEOUT, HttpFailure.IO);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final HttpTransport transport;
  private final Sleeper sleeper;

  public HttpApiDataSource(HttpTransport transport, Sleeper sleeper) {
    this.transport = transport;
    this.sleeper = sleeper;
  }

  @Override
  public String typeName() {
    return TYPE_NAME;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  // --- validation -------------------------------------------------------------------------------------------------

  @Override
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    List<Diagnostic> problems = new ArrayList<>();
    HttpRequestRules.checkRequest(config, problems);
    knownNumber(config, TIMEOUT).ifPresent(timeout -> {
      if (timeout.signum() <= 0 || timeout.compareTo(BigDecimal.valueOf(MAX_TIMEOUT_SECONDS)) > 0) {
        problems.add(Diagnostic.error(AttributePath.attribute(TIMEOUT), "Invalid timeout", "timeout must be more "
            + "than 0 and at most " + MAX_TIMEOUT_SECONDS + " seconds, not " + timeout.toPlainString() + "."));
      }
    });
    knownNumber(config, RETRIES).ifPresent(retries -> {
      if (retries.signum() < 0 || retries.compareTo(BigDecimal.valueOf(MAX_RETRIES)) > 0
          || retries.stripTrailingZeros().scale() > 0) {
        problems.add(Diagnostic.error(AttributePath.attribute(RETRIES), "Invalid retries", "retries must be a "
            + "whole number from 0 to " + MAX_RETRIES + ", not " + retries.toPlainString() + "."));
      }
    });
    return Diagnostics.of(problems);
  }

  // --- read -------------------------------------------------------------------------------------------------------

  @Override
  public DataReadResult read(Value.ObjectVal config, ProviderContext provider) {
    String url = knownString(config, URL).orElse("");
    String method = knownString(config, METHOD).orElse(DEFAULT_METHOD).toUpperCase(Locale.ROOT);
    BigDecimal timeoutSeconds = knownNumber(config, TIMEOUT).orElse(BigDecimal.valueOf(DEFAULT_TIMEOUT_SECONDS));
    long retries = knownNumber(config, RETRIES).map(BigDecimal::longValue).orElse(0L);
    boolean retryNonIdempotent = knownBool(config, RETRY_NON_IDEMPOTENT).orElse(false);
    boolean softFail = knownBool(config, SOFT_FAIL).orElse(false);

    Value.ObjectVal echoed = config
        .with(METHOD, config.get(METHOD).isNull() ? Value.string(DEFAULT_METHOD) : config.get(METHOD))
        .with(TIMEOUT, Value.number(timeoutSeconds))
        .with(RETRIES, Value.number(retries))
        .with(RETRY_NON_IDEMPOTENT, Value.bool(retryNonIdempotent))
        .with(SOFT_FAIL, Value.bool(softFail));

    Optional<URI> uri = HttpRequestRules.parse(url);
    if (uri.isEmpty()) {
      return new DataReadResult(Value.nullOf(SCHEMA.block().impliedType()), Diagnostics.of(Diagnostic.error(
          AttributePath.attribute(URL), "Invalid URL",
          "\"" + HttpRequestRules.printable(url) + "\" is not a valid URL.")));
    }
    HttpCall call = new HttpCall(method, uri.get(), knownStringMap(config, HEADERS).orElse(Map.of()),
        knownString(config, BODY), timeoutOf(timeoutSeconds));
    long attempts = 1 + (IDEMPOTENT.contains(method) || retryNonIdempotent ? retries : 0);
    BooleanSupplier cancelled = provider.cancellation()::isCancelled;

    HttpOutcome outcome = new HttpOutcome.Failed(HttpFailure.CANCELLED, null);
    long made = 0;
    while (made < attempts) {
      if (made > 0 && !sleeper.sleep(backoff(made), cancelled)) {
        outcome = new HttpOutcome.Failed(HttpFailure.CANCELLED, null);
        break;
      }
      if (cancelled.getAsBoolean()) {
        outcome = new HttpOutcome.Failed(HttpFailure.CANCELLED, null);
        break;
      }
      outcome = transport.send(call, cancelled);
      made++;
      if (!worthRetrying(outcome)) {
        break;
      }
    }

    if (outcome instanceof HttpOutcome.Response response) {
      return responded(echoed, response, method);
    }
    HttpOutcome.Failed failed = (HttpOutcome.Failed) outcome;
    String message = method + " " + HttpRequestRules.redacted(uri.get()) + " failed: "
        + HttpRequestRules.reason(failed) + (made > 1 ? ", after " + made + " attempts" : "") + ".";
    if (softFail && failed.failure() != HttpFailure.CANCELLED) {
      return new DataReadResult(withoutResponse(echoed).with(ERROR_MESSAGE, Value.string(message)),
          Diagnostics.NONE);
    }
    String summary = failed.failure() == HttpFailure.CANCELLED ? "HTTP request cancelled" : "HTTP request failed";
    String advice = failed.failure() == HttpFailure.CANCELLED ? " Terraform asked the provider to stop."
        : " Set soft_fail = true to record the failure in error_message instead of failing.";
    return new DataReadResult(Value.nullOf(SCHEMA.block().impliedType()),
        Diagnostics.of(Diagnostic.error(summary, message + advice)));
  }

  private static boolean worthRetrying(HttpOutcome outcome) {
    if (outcome instanceof HttpOutcome.Response response) {
      return RETRIED_STATUSES.contains(response.status());
    }
    return RETRIED_FAILURES.contains(((HttpOutcome.Failed) outcome).failure());
  }

  /** The wait before attempt {@code made + 1}: 1 s, 2 s, 4 s, ... at most 30 s. */
  static Duration backoff(long made) {
    long exponent = Math.min(made - 1, 10);
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << exponent);
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private static Duration timeoutOf(BigDecimal seconds) {
    long millis = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    return Duration.ofMillis(Math.max(1, millis));
  }

  private static DataReadResult responded(Value.ObjectVal echoed, HttpOutcome.Response response, String method) {
    Map<String, List<String>> grouped = new TreeMap<>();
    response.headers().forEach((name, values) -> {
      if (!name.startsWith(":")) {
        grouped.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(values);
      }
    });
    Map<String, String> headers = new TreeMap<>();
    grouped.forEach((name, values) -> headers.put(name, String.join(", ", values)));

    List<Diagnostic> notes = new ArrayList<>();
    byte[] bytes = response.body();
    String body;
    try {
      body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      body = new String(bytes, StandardCharsets.UTF_8);
      notes.add(Diagnostic.warning(AttributePath.attribute(RESPONSE_BODY), "Response body is not valid UTF-8",
          "The " + method + " response body holds bytes that are not valid UTF-8; they are shown as U+FFFD "
              + "replacement characters in response_body."));
    }
    Value.ObjectVal state = echoed
        .with(STATUS_CODE, Value.number(response.status()))
        .with(RESPONSE_BODY, Value.string(body))
        .with(RESPONSE_HEADERS, stringMap(headers))
        .with(CONTENT_TYPE, headers.containsKey("content-type") ? Value.string(headers.get("content-type"))
            : Value.nullOf(CtyType.STRING))
        .with(RESPONSE_TIME_MS, Value.number(response.elapsed().toMillis()))
        .with(HEADER_COUNT, Value.number(headers.size()))
        .with(ERROR_MESSAGE, Value.nullOf(CtyType.STRING));
    return new DataReadResult(state, Diagnostics.of(notes));
  }

  private static Value.ObjectVal withoutResponse(Value.ObjectVal echoed) {
    return echoed
        .with(STATUS_CODE, Value.nullOf(CtyType.NUMBER))
        .with(RESPONSE_BODY, Value.nullOf(CtyType.STRING))
        .with(RESPONSE_HEADERS, stringMap(Map.of()))
        .with(CONTENT_TYPE, Value.nullOf(CtyType.STRING))
        .with(RESPONSE_TIME_MS, Value.nullOf(CtyType.NUMBER))
        .with(HEADER_COUNT, Value.number(0));
  }
}
