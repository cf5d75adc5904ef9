package io.pyvider.adapters.grpc.plugin;

import io.pyvider.application.port.out.Environment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What go-plugin tells a plugin through its environment (GP client.go Start): the magic cookie, the protocol versions
 * offered (in any order), the client certificate for mutual TLS, and the port range for TCP.
 */
public record PluginEnvironment(boolean cookieMatches, int[] offeredVersions, Optional<String> clientCertificatePem,
    boolean tlsDisabled, int minPort, int maxPort, Optional<String> portProblem) {

  public static final String COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
  public static final String COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

  /** go-plugin's message for a binary started by hand (GP server.go), printed to stderr before exiting 1. */
  public static final String NOT_A_COMMAND = "This binary is a plugin. These are not meant to be executed directly.\n"
      + "Please execute the program that consumes these plugins, which will\n"
      + "load any plugins automatically\n";

  public static PluginEnvironment read(Environment environment) {
    boolean cookie = environment.get(COOKIE_KEY).map(COOKIE_VALUE::equals).orElse(false);
    int[] versions = environment.get("PLUGIN_PROTOCOL_VERSIONS")
        .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> s.matches("\\d{1,4}"))
            .mapToInt(Integer::parseInt).toArray())
        .orElse(new int[0]);
    Optional<String> pem = environment.get("PLUGIN_CLIENT_CERT").filter(text -> !text.isBlank());
    boolean disabled = environment.get("TF_DISABLE_PLUGIN_TLS").isPresent();
    List<String> problems = new ArrayList<>();
    int min = port(environment, "PLUGIN_MIN_PORT", 10000, problems);
    int max = port(environment, "PLUGIN_MAX_PORT", 25000, problems);
    if (problems.isEmpty() && min > max) {
      problems.add("PLUGIN_MIN_PORT value of " + min + " is greater than PLUGIN_MAX_PORT value of " + max);
    }
    return new PluginEnvironment(cookie, versions, pem, disabled, min, max,
        problems.isEmpty() ? Optional.empty() : Optional.of(problems.get(0)));
  }

  /**
   * A port bound as go-plugin's server reads it (server.go serverListener_tcp): unset takes the default, anything
   * else must be a port number, and a bad value stops the plugin with go-plugin's words instead of being guessed at.
   */
  private static final Pattern ASCII_INTEGER = Pattern.compile("[+-]?[0-9]+");

  private static int port(Environment environment, String name, int fallback, List<String> problems) {
    Optional<String> text = environment.get(name).map(String::trim).filter(value -> !value.isEmpty());
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      if (!ASCII_INTEGER.matcher(text.get()).matches()) {
        throw new NumberFormatException(); // Integer.parseInt alone would also read non-ASCII digits; Go's does not
      }
      int port = Integer.parseInt(text.get());
      if (port < 0 || port > 65535) {
        problems.add("Couldn't get value from " + name + ": " + port + " is not a TCP port (0 to 65535)");
        return fallback;
      }
      return port;
    } catch (NumberFormatException invalid) {
      problems.add("Couldn't get value from " + name + ": \"" + printable(text.get()) + "\" is not a number");
      return fallback;
    }
  }

  private static String printable(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return shown.codePoints().mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c)
        : Character.toString(c)).collect(java.util.stream.Collectors.joining());
  }

  /** Protocol 6 if offered (or nothing offered, as an older client does), else empty. */
  public Optional<Integer> negotiatedVersion() {
    if (offeredVersions.length == 0) {
      return Optional.of(6);
    }
    return Arrays.stream(offeredVersions).filter(v -> v == 6).boxed().findFirst();
  }

  /** Mutual TLS unless Terraform turned it off or sent no client certificate. */
  public boolean useTls() {
    return !tlsDisabled && clientCertificatePem.isPresent();
  }

  @Override
  public String toString() {
    return "PluginEnvironment[cookie=" + cookieMatches + ", versions=" + Arrays.toString(offeredVersions)
        + ", tls=" + useTls() + ", ports=" + minPort + ".." + maxPort + portProblem.map(p -> ", " + p).orElse("")
        + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PluginEnvironment p && p.toString().equals(toString())
        && p.clientCertificatePem.equals(clientCertificatePem);
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
