package io.pyvider.adapters.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/** A JDK HttpServer on 127.0.0.1 and an ephemeral port, recording every request it receives. */
final class LoopbackServer implements AutoCloseable {

  /** What the server saw of one request. */
  record Seen(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  final HttpServer server;
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  /** Released when the test ends, so handlers that hang on it let the server stop. */
  final CountDownLatch release = new CountDownLatch(1);

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "loopback-http");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  LoopbackServer route(String path, HttpHandler handler) {
    server.createContext(path, exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
            Map.copyOf(exchange.getRequestHeaders()), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      handler.handle(exchange);
    });
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  int port() {
    return server.getAddress().getPort();
  }

  static void respond(HttpExchange exchange, int status, String body, Map<String, List<String>> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
    boolean empty = bytes.length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
    if (!empty) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
