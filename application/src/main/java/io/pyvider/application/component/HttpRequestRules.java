package io.pyvider.application.component;

import static io.pyvider.application.component.Attributes.knownString;
import static io.pyvider.application.component.Attributes.knownStringMap;

import io.pyvider.application.port.out.HttpOutcome;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every component that sends an HTTP request through the {@code HttpTransport} port shares (the
 * {@code pyvider_http_api} data source, the {@code pyvider_http_request} action), so both accept the same URLs,
 * methods and headers and word their problems alike. Header values never appear in a message.
 */
public final class HttpRequestRules {

  /** The attributes both components name the request with. */
  public static final String URL = "url";
  public static final String METHOD = "method";
  public static final String HEADERS = "headers";

  public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  /** Headers the JDK HTTP client manages itself and refuses to take from a caller. */
  static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private HttpRequestRules() {
  }

  /** Checks the known values of {@link #URL}, {@link #METHOD} and {@link #HEADERS}; unknown ones are not checked. */
  public static void checkRequest(Value.ObjectVal config, List<Diagnostic> problems) {
    knownString(config, URL).ifPresent(url -> checkUrl(url, URL, problems));
    knownString(config, METHOD).ifPresent(method -> checkMethod(method, METHOD, problems));
    knownStringMap(config, HEADERS).ifPresent(headers -> checkHeaders(headers, HEADERS, problems));
  }

  /** An http(s) URL with a host; a warning for plain http:// to anything but the loopback. */
  private static void checkUrl(String url, String attribute, List<Diagnostic> problems) {
    AttributePath path = AttributePath.attribute(attribute);
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      problems.add(Diagnostic.error(path, "Invalid URL", attribute + " must start with http:// or https://."));
      return;
    }
    URI uri;
    try {
      uri = uri(url);
    } catch (URISyntaxException invalid) {
      problems.add(Diagnostic.error(path, "Invalid URL", "\"" + printable(url) + "\" is not a valid URL: "
          + invalid.getReason() + (invalid.getIndex() >= 0 ? " at index " + invalid.getIndex() : "") + "."));
      return;
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      problems.add(Diagnostic.error(path, "Invalid URL", attribute + " has no host name."));
      return;
    }
    if (lower.startsWith("http://") && !LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      problems.add(Diagnostic.warning(path, "Unencrypted HTTP request", attribute + " uses http://, so the request "
          + "(headers included) and the response travel unencrypted. Use https:// unless the server is trusted "
          + "and on a trusted network."));
    }
  }

  /** One of {@link #METHODS}, in any case. */
  private static void checkMethod(String method, String attribute, List<Diagnostic> problems) {
    if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      problems.add(Diagnostic.error(AttributePath.attribute(attribute), "Invalid HTTP method",
          attribute + " \"" + printable(method) + "\" is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS "
              + "(any case)."));
    }
  }

  /** Header names the client can send and values without line breaks; problems name the header, never its value. */
  private static void checkHeaders(Map<String, String> headers, String attribute, List<Diagnostic> problems) {
    headers.forEach((name, value) -> {
      AttributePath path = AttributePath.attribute(attribute).key(name);
      if (!TOKEN.matcher(name).matches()) {
        problems.add(Diagnostic.error(path, "Invalid header name", "\"" + printable(name) + "\" is not a valid "
            + "HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)."));
      } else if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        problems.add(Diagnostic.error(path, "Header cannot be set", name + " is managed by the HTTP client and "
            + "cannot be set in " + attribute + "."));
      }
      if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        problems.add(Diagnostic.error(path, "Invalid header value", "The value of header " + printable(name)
            + " contains a line break or NUL character."));
      }
    });
  }

  /** The URL with its scheme in lower case (the JDK client accepts only lower case), or empty when invalid. */
  public static Optional<URI> parse(String url) {
    try {
      return Optional.of(uri(url));
    } catch (URISyntaxException invalid) {
      return Optional.empty();
    }
  }

  private static URI uri(String url) throws URISyntaxException {
    int colon = url.indexOf(':');
    return new URI(colon < 0 ? url : url.substring(0, colon).toLowerCase(Locale.ROOT) + url.substring(colon));
  }

  /** The URL for messages: without user information (a password may be in it). */
  public static String redacted(URI uri) {
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

  /** Why an exchange got no response, in words: the failure's explanation and the transport's detail if it adds one. */
  public static String reason(HttpOutcome.Failed failed) {
    String explanation = failed.failure().explanation();
    return explanation + (failed.detail().equals(explanation) ? "" : " (" + failed.detail() + ")");
  }

  /** User input for a message, with control characters escaped so it cannot forge lines. */
  public static String printable(String text) {
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
