package io.pyvider.bootstrap.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP endpoints the examples call, answered on 127.0.0.1 by a server the test starts: the examples' URL variable
 * points here instead of the public echo service. Every request is recorded; a route answers with its status and a
 * small JSON body, anything else with 404 (which the provider must report as a result, not an error). The
 * end-to-end test of the pyvider_http_request action sends its requests here too.
 */
public final class LoopbackApi implements AutoCloseable {

  /** One request as the server saw it; header names lower-cased. */
  public record Request(String method, String path, Map<String, String> headers, String body) {
  }

  /** A canned answer. */
  public record Answer(int status, String body) {
  }

  private final HttpServer server;
  private final Map<String, Answer> routes;
  private final List<Request> requests = new ArrayList<>();

  private LoopbackApi(HttpServer server, Map<String, Answer> routes) {
    this.server = server;
    this.routes = Map.copyOf(routes);
  }

  /** Starts on an ephemeral loopback port; routes are keyed {@code "METHOD /path"}. */
  public static LoopbackApi start(Map<String, Answer> routes) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LoopbackApi api = new LoopbackApi(server, routes);
    server.createContext("/", api::handle);
    server.start();
    return api;
  }

  /** The base the examples' {@code var.api_base_url} is set to (the same path shape as httpbin's /anything). */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/anything";
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Map<String, String> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
          String.join(", ", values)));
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      synchronized (requests) {
        requests.add(new Request(method, path, headers, body));
      }
      Answer answer = routes.getOrDefault(method + " " + path,
          new Answer(404, "{\"error\":\"no route for " + method + " " + path + "\"}"));
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
