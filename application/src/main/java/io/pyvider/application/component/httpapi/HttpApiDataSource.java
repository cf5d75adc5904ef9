package io.pyvider.application.component.httpapi;

import static io.pyvider.application.component.Attributes.knownBool;
import static io.pyvider.application.component.Attributes.knownNumber;
import static io.pyvider.application.component.Attributes.knownString;
import static io.pyvider.application.component.Attributes.knownStringMap;
import static io.pyvider.application.component.Attributes.stringMap;
import static io.pyvider.application.component.httpapi.HttpApiSchema.*;

import io.pyvider.application.component.DataReadResult;
import io.pyvider.application.component.DataSource;
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
import java.net.URISyntaxException;
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
import java.util.regex.Pattern;

/**
 * {@code pyvider_http_api}: one HTTP request through the {@link HttpTransport} port, with bounded retries (back-off
 * through the {@link Sleeper} port, abandoned when Terraform asks the provider to stop). Header values and bodies are
 * never put into diagnostics.
 */
public final class HttpApiDataSource implements DataSource {

  static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
  /** Headers the JDK HTTP client manages itself and refuses to take from a caller. */
  static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");
  static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);
  static final Set<HttpFailure> RETRIED_FAILURES =
      Set.of(HttpFailure.CONNECTION, HttpFailure.UNKNOWN_HOST, HttpFailure.TIMEOUT, HttpFailure.IO);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

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
    knownString(config, URL).ifPresent(url -> validateUrl(url, problems));
    knownString(config, METHOD).filter(method -> !METHODS.contains(method.toUpperCase(Locale.ROOT)))
        .ifPresent(method -> problems.add(Diagnostic.error(AttributePath.attribute(METHOD), "Invalid HTTP method",
            "method \"" + method + "\" is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS (any case).")));
    knownStringMap(config, HEADERS).ifPresent(headers -> headers.forEach((name, value) -> {
      AttributePath path = AttributePath.attribute(HEADERS).key(name);
      if (!TOKEN.matcher(name).matches()) {
        problems.add(Diagnostic.error(path, "Invalid header name", "\"" + printable(name) + "\" is not a valid "
            + "HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)."));
      } else if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        problems.add(Diagnostic.error(path, "Header cannot be set", name + " is managed by the HTTP client and "
            + "cannot be set in headers."));
      }
      if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        problems.add(Diagnostic.error(path, "Invalid header value", "The value of header " + name
            + " contains a line break or NUL character."));
      }
    }));
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

  private static void validateUrl(String url, List<Diagnostic> problems) {
    AttributePath path = AttributePath.attribute(URL);
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      problems.add(Diagnostic.error(path, "Invalid URL", "url must start with http:// or https://."));
      return;
    }
    Optional<URI> uri = parse(url);
    if (uri.isEmpty()) {
      problems.add(Diagnostic.error(path, "Invalid URL", "\"" + printable(url) + "\" is not a valid URL: "
          + parseProblem(url) + "."));
      return;
    }
    if (uri.get().getHost() == null || uri.get().getHost().isEmpty()) {
      problems.add(Diagnostic.error(path, "Invalid URL", "url has no host name."));
      return;
    }
    if (lower.startsWith("http://") && !LOOPBACK_HOSTS.contains(uri.get().getHost().toLowerCase(Locale.ROOT))) {
      problems.add(Diagnostic.warning(path, "Unencrypted HTTP request", "url uses http://, so the request "
          + "(headers included) and the response travel unencrypted. Use https:// unless the server is trusted "
          + "and on a trusted network."));
    }
  }

  /** The URL with its scheme in lower case (the JDK client accepts only lower case), or empty when invalid. */
  private static Optional<URI> parse(String url) {
    int colon = url.indexOf(':');
    String normalized = colon < 0 ? url : url.substring(0, colon).toLowerCase(Locale.ROOT) + url.substring(colon);
    try {
      return Optional.of(new URI(normalized));
    } catch (URISyntaxException invalid) {
      return Optional.empty();
    }
  }

  private static String parseProblem(String url) {
    try {
      new URI(url);
      return "unknown problem";
    } catch (URISyntaxException invalid) {
      return invalid.getReason() + (invalid.getIndex() >= 0 ? " at index " + invalid.getIndex() : "");
    }
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

    Optional<URI> uri = parse(url);
    if (uri.isEmpty()) {
      return new DataReadResult(Value.nullOf(SCHEMA.block().impliedType()), Diagnostics.of(Diagnostic.error(
          AttributePath.attribute(URL), "Invalid URL", "\"" + printable(url) + "\" is not a valid URL.")));
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
    String message = method + " " + redacted(uri.get()) + " failed: " + failed.failure().explanation()
        + (failed.detail().equals(failed.failure().explanation()) ? "" : " (" + failed.detail() + ")")
        + (made > 1 ? ", after " + made + " attempts" : "") + ".";
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

  /** The URL for messages: without user information (a password may be in it). */
  static String redacted(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    try {
      return new URI(uri.getScheme(), "***", uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
          uri.getFragment()).toString();
    } catch (URISyntaxException impossible) {
      return uri.getScheme() + "://" + uri.getHost();
    }
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
