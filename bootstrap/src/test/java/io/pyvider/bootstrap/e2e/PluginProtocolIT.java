package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.pyvider.adapters.grpc.client.PluginClient;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.application.port.out.TlsIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * go-plugin's contract as Terraform's client holds the provider to it: the handshake line and nothing else on stdout,
 * a server certificate for localhost, mutual TLS with ALPN h2 that accepts only the client certificate Terraform
 * sent, the health service, GRPCController.Shutdown, the magic cookie, protocol negotiation and StopProvider.
 */
class PluginProtocolIT {

  private static final Pattern HANDSHAKE =
      Pattern.compile("^1\\|6\\|tcp\\|127\\.0\\.0\\.1:(\\d+)\\|grpc\\|([A-Za-z0-9+/]+)$");

  @TempDir
  Path home;

  private ProviderProcess start(ProviderLaunch launch, String label) {
    return ProviderProcess.start(launch, label);
  }

  @Test
  void the_handshake_line_has_go_plugins_format_and_is_the_only_line_on_stdout() throws Exception {
    try (ProviderProcess provider = start(ProviderLaunch.binary(home), "handshake")) {
      String line = provider.handshakeLine();
      Matcher parts = HANDSHAKE.matcher(line == null ? "" : line);
      assertTrue(parts.matches(), () -> "handshake line " + line + " is not 1|6|tcp|127.0.0.1:PORT|grpc|CERT");
      int port = Integer.parseInt(parts.group(1));
      assertTrue(port >= 10000 && port <= 25000, "port outside Terraform's PLUGIN_MIN_PORT..PLUGIN_MAX_PORT");
      certificateOf(line); // unpadded standard base64 of a DER certificate
      assertTrue(provider.connect().healthy());
      // Serving is what could print: ask for the whole schema, then check everything the process ever wrote.
      provider.provider().getProviderSchema(
          io.pyvider.adapters.grpc.proto.Tfplugin6.GetProviderSchema.Request.getDefaultInstance());
      provider.kill();
      assertEquals(List.of(), provider.stdoutAfterHandshake(), "stdout until the process ended");
    }
  }

  @Test
  void the_server_certificate_is_valid_now_for_the_dns_name_localhost() throws Exception {
    try (ProviderProcess provider = start(ProviderLaunch.binary(home), "certificate")) {
      X509Certificate server = certificateOf(provider.handshakeLine());
      server.checkValidity();
      assertTrue(server.getSubjectAlternativeNames().stream()
          .anyMatch(san -> Integer.valueOf(2).equals(san.get(0)) && "localhost".equals(san.get(1))),
          () -> "no SAN DNS:localhost in " + server.getSubjectX500Principal());
      List<String> usages = server.getExtendedKeyUsage();
      assertTrue(usages == null || usages.contains("1.3.6.1.5.5.7.3.1"), "Go refuses a server cert without serverAuth");
      assertTrue(Set.of("EC", "RSA", "Ed25519", "EdDSA").contains(server.getPublicKey().getAlgorithm()));
    }
  }

  @Test
  void tls_with_terraforms_client_certificate_negotiates_alpn_h2_and_tls_1_2_or_newer() throws Exception {
    try (ProviderProcess provider = start(ProviderLaunch.binary(home), "alpn")) {
      String line = provider.handshakeLine();
      try (RawTls tls = RawTls.connect(line, provider.clientIdentity(), certificateOf(line))) {
        assertEquals("h2", tls.socket().getApplicationProtocol(), "grpc-go >= 1.67 requires ALPN h2");
        assertTrue(Set.of("TLSv1.2", "TLSv1.3").contains(tls.socket().getSession().getProtocol()));
        assertEquals(RawTls.Outcome.SERVED, tls.exchangePreface(), "the server answers HTTP/2 with its SETTINGS");
      }
    }
  }

  @Test
  void a_client_without_the_certificate_from_plugin_client_cert_is_rejected() throws Exception {
    try (ProviderProcess provider = start(ProviderLaunch.binary(home), "foreign-client")) {
      String line = provider.handshakeLine();
      X509Certificate server = certificateOf(line);
      for (TlsIdentity stranger : new TlsIdentity[] {GoPluginCertificates.foreign(), null}) {
        try (RawTls tls = RawTls.connect(line, stranger, server)) {
          assertEquals(RawTls.Outcome.REJECTED, tls.exchangePreface(), "a foreign client was served");
        } catch (javax.net.ssl.SSLException rejectedDuringHandshake) {
          // Rejected in the handshake itself (TLS 1.2): as it should be.
        }
      }
      try (PluginClient foreign = provider.connectAs(GoPluginCertificates.foreign())) {
        assertThrows(StatusRuntimeException.class, foreign::healthy, "a foreign client reached the health service");
      }
      assertTrue(provider.connect().healthy(), "Terraform's own client must still be served");
    }
  }

  @Test
  void the_health_service_reports_the_plugin_service_as_serving() {
    try (ProviderProcess provider = start(ProviderLaunch.binary(home), "health")) {
      assertTrue(provider.connect().healthy());
    }
  }

  @Test
  void grpc_controller_shutdown_ends_the_process_within_go_plugins_two_second_grace() throws Exception {
    try (ProviderProcess provider = start(ProviderLaunch.binary(home), "shutdown")) {
      PluginClient client = provider.connect();
      assertTrue(client.healthy());
      client.requestShutdown();
      assertTrue(provider.process().waitFor(2, java.util.concurrent.TimeUnit.SECONDS),
          "go-plugin force-kills a plugin still running 2 s after Shutdown" + provider.stderrTail());
      assertEquals(0, provider.process().exitValue(), "exit code after a requested shutdown");
    }
  }

  @Test
  void started_without_the_magic_cookie_it_prints_go_plugins_message_on_stderr_and_exits_1() {
    try (ProviderProcess provider = start(ProviderLaunch.binary(home).without(ProviderLaunch.COOKIE_KEY), "cookie")) {
      assertEquals(1, provider.awaitExit(Duration.ofMinutes(1)));
      assertNull(provider.handshakeLine(), "nothing may be printed on stdout");
      assertEquals(List.of(), provider.stdoutAfterHandshake());
      String stderr = String.join("\n", provider.stderrLines());
      assertTrue(stderr.contains("This binary is a plugin. These are not meant to be executed directly."),
          () -> "stderr: " + stderr);
    }
  }

  @Test
  void offered_only_protocol_5_it_fails_cleanly_without_a_handshake() {
    try (ProviderProcess provider = start(ProviderLaunch.binary(home).with("PLUGIN_PROTOCOL_VERSIONS", "5"), "v5")) {
      assertNotEquals(0, provider.awaitExit(Duration.ofMinutes(1)), "a provider that cannot speak 5 must not serve");
      assertNull(provider.handshakeLine(), "no handshake line for an unsupported protocol");
      String stderr = String.join("\n", provider.stderrLines());
      assertFalse(stderr.isBlank(), "the failure must be explained on stderr");
      assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), () -> "a stack trace: " + stderr);
    }
  }

  @Test
  void an_unusable_port_range_is_refused_in_go_plugins_words_instead_of_guessed_at() {
    for (Map<String, String> range : List.of(Map.of("PLUGIN_MIN_PORT", "30000", "PLUGIN_MAX_PORT", "20000"),
        Map.of("PLUGIN_MIN_PORT", "ten"))) {
      ProviderLaunch launch = ProviderLaunch.binary(home);
      for (Map.Entry<String, String> variable : range.entrySet()) {
        launch = launch.with(variable.getKey(), variable.getValue());
      }
      try (ProviderProcess provider = start(launch, "ports")) {
        assertEquals(1, provider.awaitExit(Duration.ofMinutes(1)));
        assertNull(provider.handshakeLine(), "nothing may be printed on stdout");
        String stderr = String.join("\n", provider.stderrLines());
        assertTrue(stderr.contains("PLUGIN_MIN_PORT"), () -> "stderr: " + stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), () -> "a stack trace: " + stderr);
      }
    }
  }

  @Test
  void stop_provider_answers_without_error_and_the_provider_keeps_serving() {
    try (TerraformSimulator terraform = new TerraformSimulator(ProviderLaunch.binary(home));
        Walk walk = terraform.walk("stop")) {
      Tfplugin6.StopProvider.Response stopped =
          walk.stub().stopProvider(Tfplugin6.StopProvider.Request.getDefaultInstance());
      assertEquals("", stopped.getError());
      assertTrue(walk.process().connect().healthy(), "health after StopProvider");
      ResourceSchema schema = terraform.resource(TimedTokens.TYPE);
      Change plan = walk.plan(TimedTokens.TYPE, null, TimedTokens.config(schema, "after-stop"));
      assertEquals(Change.Action.CREATE, plan.action());
      assertFalse(walk.apply(plan, null).isNull(), "a token is still issued after StopProvider");
    }
  }

  @Test
  void with_tf_disable_plugin_tls_it_serves_plaintext_and_leaves_the_certificate_field_empty() {
    ProviderLaunch plaintext = ProviderLaunch.binary(home).with("TF_DISABLE_PLUGIN_TLS", "1")
        .without("PLUGIN_CLIENT_CERT");
    try (ProviderProcess provider = start(plaintext, "no-tls")) {
      String line = provider.handshakeLine();
      assertTrue(line != null && line.matches("^1\\|6\\|tcp\\|127\\.0\\.0\\.1:\\d+\\|grpc\\|$"),
          () -> "handshake without TLS: " + line);
      assertTrue(provider.connect().healthy(), "plaintext gRPC");
    }
  }

  @Test
  void it_listens_on_the_one_port_terraform_allows_when_the_range_is_a_single_port() throws Exception {
    int free;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    ProviderLaunch narrow = ProviderLaunch.binary(home).with("PLUGIN_MIN_PORT", String.valueOf(free))
        .with("PLUGIN_MAX_PORT", String.valueOf(free));
    try (ProviderProcess provider = start(narrow, "one-port")) {
      assertTrue(provider.handshakeLine().contains("|127.0.0.1:" + free + "|"), provider.handshakeLine());
      assertTrue(provider.connect().healthy());
    }
  }

  /**
   * go-plugin servers ignore SIGINT: Terraform handles Ctrl-C itself and stops providers with StopProvider. Whether a
   * signal would end a process cannot be seen by waiting for a while; its disposition can. In both shapes of the
   * process Terraform starts (the launcher serving the run through the daemon, and the JVM the launcher execs when
   * there is none) SIGINT is ignored, as /proc/PID/status shows. The kernel discards an ignored signal inside kill(2),
   * so once kill has returned nothing is pending, and the RPC answered afterwards is conclusive.
   */
  @Test
  void an_interrupt_signal_does_not_stop_the_provider_because_terraform_handles_ctrl_c_itself() throws Exception {
    Map<String, ProviderLaunch> shapes = new LinkedHashMap<>();
    shapes.put("through the daemon", ProviderLaunch.binary(home).without("PYVIDER_DAEMON"));
    shapes.put("direct JVM", ProviderLaunch.binary(home).with("PYVIDER_DAEMON", "off"));
    for (Map.Entry<String, ProviderLaunch> shape : shapes.entrySet()) {
      try (ProviderProcess provider = start(shape.getValue(), "sigint " + shape.getKey())) {
        assertTrue(provider.connect().healthy());
        long pid = provider.process().pid();
        assertTrue(ignores(pid, 2), shape.getKey() + ": SIGINT is not ignored (" + signalMasks(pid) + "), so a "
            + "Ctrl-C would reach a handler or end the provider");
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(pid)).start();
        assertEquals(0, kill.waitFor());
        assertTrue(provider.process().isAlive(), shape.getKey() + ": SIGINT ended the provider"
            + provider.stderrTail());
        assertTrue(provider.connect().healthy(), shape.getKey() + ": still serving after SIGINT");
      }
    }
  }

  /** Whether the process ignores signal {@code number}: its bit in the SigIgn mask of /proc/PID/status. */
  private static boolean ignores(long pid, int number) throws IOException {
    String mask = signalMasks(pid).getOrDefault("SigIgn", "");
    assertFalse(mask.isEmpty(), "no SigIgn in /proc/" + pid + "/status");
    return new java.math.BigInteger(mask, 16).testBit(number - 1);
  }

  private static Map<String, String> signalMasks(long pid) throws IOException {
    Map<String, String> masks = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("Sig")) {
        masks.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return masks;
  }

  static X509Certificate certificateOf(String handshakeLine) throws Exception {
    String field = handshakeLine.substring(handshakeLine.lastIndexOf('|') + 1);
    assertFalse(field.contains("="), "go-plugin decodes the certificate with RawStdEncoding: no padding");
    byte[] der = Base64.getDecoder().decode(field);
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }
}
