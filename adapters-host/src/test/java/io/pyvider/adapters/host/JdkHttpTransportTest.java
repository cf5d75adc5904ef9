package io.pyvider.adapters.host;

import static io.pyvider.adapters.host.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.out.HttpCall;
import io.pyvider.application.port.out.HttpFailure;
import io.pyvider.application.port.out.HttpOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The JDK HTTP transport against a loopback server (127.0.0.1 only). No assertion depends on timing. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JdkHttpTransportTest {

  private static final String SECRET = "Bearer loopback-only-7f3a9c";

  private final LoopbackServer server = new LoopbackServer();
  private final JdkHttpTransport transport = new JdkHttpTransport();

  JdkHttpTransportTest() throws IOException {
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static HttpCall call(String method, String url, Map<String, String> headers, String body,
      Duration timeout) {
    return new HttpCall(method, URI.create(url), headers, Optional.ofNullable(body), timeout);
  }

  private static HttpCall get(String url) {
    return call("GET", url, Map.of(), null, Duration.ofSeconds(30));
  }

  private HttpOutcome send(HttpCall call) {
    return transport.send(call, () -> false);
  }

  @Test
  void a_get_returns_status_headers_and_body_and_sends_the_headers() {
    server.route("/check", exchange -> respond(exchange, 200, "{\"ok\":true}",
        Map.of("Content-Type", List.of("application/json"), "X-Multi", List.of("a", "b"))));

    HttpOutcome outcome = send(call("GET", server.url("/check"), Map.of("Authorization", SECRET), null,
        Duration.ofSeconds(30)));

    HttpOutcome.Response response = assertInstanceOf(HttpOutcome.Response.class, outcome);
    assertEquals(200, response.status());
    assertArrayEquals("{\"ok\":true}".getBytes(StandardCharsets.UTF_8), response.body());
    assertEquals(List.of("application/json"), response.headers().get("content-type"));
    assertEquals(List.of("a", "b"), response.headers().get("x-multi"));
    assertFalse(response.elapsed().isNegative());
    assertEquals(SECRET, server.seen.get(0).header("Authorization"));
    assertEquals("GET", server.seen.get(0).method());
  }

  @Test
  void a_post_sends_its_body_as_utf8() {
    server.route("/items", exchange -> respond(exchange, 201, "", Map.of()));

    HttpOutcome outcome = send(call("POST", server.url("/items"), Map.of("Content-Type", "application/json"),
        "{\"name\":\"grüße\"}", Duration.ofSeconds(30)));

    assertEquals(201, assertInstanceOf(HttpOutcome.Response.class, outcome).status());
    assertEquals("POST", server.seen.get(0).method());
    assertEquals("{\"name\":\"grüße\"}", server.seen.get(0).body());
  }

  @Test
  void every_method_is_sent_as_given() {
    server.route("/m", exchange -> respond(exchange, 204, "", Map.of()));

    for (String method : List.of("GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")) {
      assertEquals(204, assertInstanceOf(HttpOutcome.Response.class,
          send(call(method, server.url("/m"), Map.of(), null, Duration.ofSeconds(30)))).status(), method);
    }
    assertEquals(List.of("GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"),
        server.seen.stream().map(LoopbackServer.Seen::method).toList());
  }

  @Test
  void client_and_server_errors_are_responses() {
    server.route("/missing", exchange -> respond(exchange, 404, "not here", Map.of()));
    server.route("/broken", exchange -> respond(exchange, 503, "busy", Map.of()));

    assertEquals(404, assertInstanceOf(HttpOutcome.Response.class, send(get(server.url("/missing")))).status());
    assertEquals(503, assertInstanceOf(HttpOutcome.Response.class, send(get(server.url("/broken")))).status());
  }

  @Test
  void redirects_are_followed() {
    server.route("/old", exchange -> respond(exchange, 302, "", Map.of("Location", List.of("/new"))));
    server.route("/new", exchange -> respond(exchange, 200, "moved here", Map.of()));

    HttpOutcome.Response response = assertInstanceOf(HttpOutcome.Response.class, send(get(server.url("/old"))));

    assertEquals(200, response.status());
    assertEquals("moved here", new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  void a_redirect_loop_ends_after_a_bounded_number_of_requests_with_the_last_redirect_as_the_response() {
    server.route("/loop", exchange -> respond(exchange, 302, "", Map.of("Location", List.of("/loop"))));

    HttpOutcome outcome = send(get(server.url("/loop")));

    assertEquals(302, assertInstanceOf(HttpOutcome.Response.class, outcome).status());
    assertTrue(server.seen.size() <= 6, "followed " + server.seen.size() + " requests");
  }

  @Test
  void a_refused_connection_is_a_connection_failure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }

    HttpOutcome outcome = send(get("http://127.0.0.1:" + closedPort + "/"));

    assertEquals(HttpFailure.CONNECTION, assertInstanceOf(HttpOutcome.Failed.class, outcome).failure());
  }

  @Test
  void a_server_that_does_not_answer_in_time_is_a_timeout() {
    server.route("/slow", exchange -> {
      try {
        server.release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      respond(exchange, 200, "too late", Map.of());
    });

    HttpOutcome outcome = send(call("GET", server.url("/slow"), Map.of(), null, Duration.ofMillis(200)));

    assertEquals(HttpFailure.TIMEOUT, assertInstanceOf(HttpOutcome.Failed.class, outcome).failure());
  }

  @Test
  void a_cancellation_abandons_the_exchange() {
    CountDownLatch arrived = new CountDownLatch(1);
    server.route("/hang", exchange -> {
      arrived.countDown();
      try {
        server.release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      respond(exchange, 200, "", Map.of());
    });

    HttpOutcome outcome = transport.send(get(server.url("/hang")), () -> arrived.getCount() == 0);

    assertEquals(HttpFailure.CANCELLED, assertInstanceOf(HttpOutcome.Failed.class, outcome).failure());
  }

  @Test
  void a_server_that_answers_tls_with_plain_text_is_a_tls_failure() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread answer = new Thread(() -> {
        try (java.net.Socket socket = plain.accept()) {
          // As a plain HTTP server does: read the client's first bytes (its ClientHello), answer in plain text, and
          // keep the connection until the client drops it. Closing at once raced the JDK client's handshake, which
          // then waited for its whole timeout instead of failing on the plain-text answer.
          socket.getInputStream().read(new byte[512]);
          socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
          socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
          // The client may close first.
        }
      }, "plain-text-answer");
      answer.setDaemon(true);
      answer.start();

      HttpOutcome outcome = send(call("GET", "https://127.0.0.1:" + plain.getLocalPort() + "/", Map.of(), null,
          Duration.ofSeconds(30)));

      assertEquals(HttpFailure.TLS, assertInstanceOf(HttpOutcome.Failed.class, outcome).failure(),
          outcome.toString());
    }
  }

  @Test
  void an_unresolvable_host_is_an_unknown_host_failure() {
    HttpOutcome outcome = send(call("GET", "http://no-such-host.invalid/", Map.of(), null,
        Duration.ofSeconds(20)));

    HttpOutcome.Failed failed = assertInstanceOf(HttpOutcome.Failed.class, outcome);
    assertTrue(failed.failure() == HttpFailure.UNKNOWN_HOST || failed.failure() == HttpFailure.TIMEOUT,
        failed.toString());
  }

  @Test
  void a_body_beyond_the_limit_is_refused() {
    byte[] huge = new byte[JdkHttpTransport.MAX_BODY_BYTES + 1];
    server.route("/huge", exchange -> {
      exchange.sendResponseHeaders(200, huge.length);
      try {
        exchange.getResponseBody().write(huge);
      } catch (IOException closedByClient) {
        // The client gave up reading: expected.
      }
      exchange.close();
    });

    HttpOutcome outcome = send(get(server.url("/huge")));

    assertEquals(HttpFailure.RESPONSE_TOO_LARGE, assertInstanceOf(HttpOutcome.Failed.class, outcome).failure());
  }

  @Test
  void a_header_the_client_refuses_is_an_invalid_request_without_its_value() {
    HttpOutcome outcome = send(call("GET", server.url("/"), Map.of("Host", "secret-host-value"), null,
        Duration.ofSeconds(5)));

    HttpOutcome.Failed failed = assertInstanceOf(HttpOutcome.Failed.class, outcome);
    assertEquals(HttpFailure.INVALID_REQUEST, failed.failure());
    assertFalse(failed.detail().contains("secret-host-value"), failed.detail());
    assertTrue(server.seen.isEmpty());
  }

  @Test
  void messages_never_repeat_header_values_or_the_body() {
    HttpCall call = call("GET", "http://127.0.0.1/", Map.of("Authorization", SECRET), "password=hunter2",
        Duration.ofSeconds(1));

    String cleaned = JdkHttpTransport.withoutSecrets("bad header " + SECRET + " and password=hunter2", call);

    assertFalse(cleaned.contains("loopback-only"), cleaned);
    assertFalse(cleaned.contains("hunter2"), cleaned);
    assertNotNull(JdkHttpTransport.failure(new IOException("x"), call).detail());
  }
}
