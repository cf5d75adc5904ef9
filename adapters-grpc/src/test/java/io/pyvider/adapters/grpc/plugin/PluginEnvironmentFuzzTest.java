package io.pyvider.adapters.grpc.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pyvider.application.fuzz.HostileInput;
import io.pyvider.application.port.out.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * go-plugin's handshake environment, as hostile as the process that starts the provider can make it. A corpus file
 * (PluginEnvironmentFuzzTestInputs/) is the values of {@link #VARIABLES}, in that order, separated by NUL (which no
 * environment value can hold); a missing value leaves its variable unset. Reading never throws; the port range is
 * either a usable one or a problem told in go-plugin's words; only protocol 6 is ever negotiated; a client
 * certificate parses to certificates or an {@link IOException} whose message says what is wrong.
 */
class PluginEnvironmentFuzzTest {

  static final List<String> VARIABLES = List.of(PluginEnvironment.COOKIE_KEY, "PLUGIN_PROTOCOL_VERSIONS",
      "PLUGIN_MIN_PORT", "PLUGIN_MAX_PORT", "PLUGIN_CLIENT_CERT", "TF_DISABLE_PLUGIN_TLS");

  @FuzzTest
  void read(byte[] input) throws Exception {
    String[] values = new String(input, StandardCharsets.UTF_8).split("\0", VARIABLES.size());
    Map<String, String> variables = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      variables.put(VARIABLES.get(i), values[i]);
    }
    PluginEnvironment plugin = HostileInput.decode(input.length,
        () -> PluginEnvironment.read(Environment.of(variables)));

    if (plugin.portProblem().isEmpty()) {
      assertTrue(0 <= plugin.minPort() && plugin.minPort() <= plugin.maxPort() && plugin.maxPort() <= 65535,
          plugin::toString);
    } else {
      assertFalse(plugin.portProblem().get().isBlank());
    }
    assertTrue(plugin.negotiatedVersion().isEmpty() || plugin.negotiatedVersion().get() == 6);
    assertTrue(Arrays.stream(plugin.offeredVersions()).allMatch(v -> v >= 0 && v <= 9999));
    assertEquals(plugin, PluginEnvironment.read(Environment.of(variables)));

    if (plugin.clientCertificatePem().isPresent()) {
      String pem = plugin.clientCertificatePem().get();
      Optional<List<X509Certificate>> certificates = HostileInput.decodeOrRefuse(pem.length(), IOException.class,
          () -> PluginServer.parseCertificates(pem));
      certificates.ifPresent(list -> assertFalse(list.isEmpty()));
    }
  }
}
