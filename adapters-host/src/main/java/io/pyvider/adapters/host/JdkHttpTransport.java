package io.pyvider.adapters.host;

import io.pyvider.application.port.out.HttpCall;
import io.pyvider.application.port.out.HttpFailure;
import io.pyvider.application.port.out.HttpOutcome;
import io.pyvider.application.port.out.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * HTTP through the JDK's java.net.http client: HTTP/1.1, TLS verification on, redirects followed the way browsers
 * do (never from HTTPS to HTTP) up to the JDK's limit of 5 (property {@code jdk.httpclient.redirects.retrylimit}),
 * after which the last 3xx response is the outcome; the whole exchange is bounded by the call's timeout and
 * abandoned on cancellation. Header values and bodies never appear in outcomes or logs.
 */
final class JdkHttpTransport implements HttpTransport {

  /** Response bodies beyond this many bytes are refused: they would end up in Terraform's state. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final long POLL_MILLIS = 50;

  private final Supplier<HttpClient> clients;
  private volatile HttpClient client;

  JdkHttpTransport() {
    this(() -> HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build());
  }

  /** With a client factory (tests use one that trusts their own certificate). */
  JdkHttpTransport(Supplier<HttpClient> clients) {
    this.clients = clients;
  }

  /** The client is created on first use: most provider processes never send a request. */
  private HttpClient client() {
    HttpClient current = client;
    if (current == null) {
      synchronized (this) {
        current = client;
        if (current == null) {
          current = clients.get();
          client = current;
        }
      }
    }
    return current;
  }

  @Override
  public HttpOutcome send(HttpCall call, BooleanSupplier cancelled) {
    HttpRequest request;
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri()).timeout(call.timeout());
      call.headers().forEach(builder::header);
      builder.method(call.method(), call.body()
          .map(body -> HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .orElse(HttpRequest.BodyPublishers.noBody()));
      request = builder.build();
    } catch (IllegalArgumentException | IllegalStateException refused) {
      return new HttpOutcome.Failed(HttpFailure.INVALID_REQUEST, withoutSecrets(refused.getMessage(), call));
    }

    long start = System.nanoTime();
    long deadline = start + call.timeout().toNanos();
    CompletableFuture<HttpResponse<byte[]>> pending;
    try {
      pending = client().sendAsync(request, info -> new LimitedBody(MAX_BODY_BYTES));
    } catch (IllegalArgumentException refused) {
      return new HttpOutcome.Failed(HttpFailure.INVALID_REQUEST, withoutSecrets(refused.getMessage(), call));
    }
    while (true) {
      if (cancelled.getAsBoolean()) {
        pending.cancel(true);
        return new HttpOutcome.Failed(HttpFailure.CANCELLED, null);
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        pending.cancel(true);
        return new HttpOutcome.Failed(HttpFailure.TIMEOUT, "no complete response within " + call.timeout());
      }
      try {
        HttpResponse<byte[]> response =
            pending.get(Math.min(TimeUnit.NANOSECONDS.toMillis(remaining) + 1, POLL_MILLIS), TimeUnit.MILLISECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new HttpOutcome.Response(response.statusCode(), response.headers().map(), response.body(), elapsed);
      } catch (TimeoutException stillWaiting) {
        // Poll again: check cancellation and the deadline.
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        pending.cancel(true);
        return new HttpOutcome.Failed(HttpFailure.CANCELLED, "interrupted");
      } catch (ExecutionException failed) {
        return failure(failed.getCause() == null ? failed : failed.getCause(), call);
      }
    }
  }

  /** Classifies why an exchange failed, looking through the whole cause chain. */
  static HttpOutcome.Failed failure(Throwable thrown, HttpCall call) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLarge) {
        return new HttpOutcome.Failed(HttpFailure.RESPONSE_TOO_LARGE, cause.getMessage());
      }
      if (cause instanceof SSLException) {
        return new HttpOutcome.Failed(HttpFailure.TLS, describe(cause, call));
      }
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return new HttpOutcome.Failed(HttpFailure.UNKNOWN_HOST, "cannot resolve " + call.uri().getHost());
      }
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpTimeoutException) {
        return new HttpOutcome.Failed(HttpFailure.TIMEOUT, describe(cause, call));
      }
      if (cause instanceof ConnectException) {
        return new HttpOutcome.Failed(HttpFailure.CONNECTION, describe(cause, call));
      }
      if (cause instanceof IllegalArgumentException) {
        return new HttpOutcome.Failed(HttpFailure.INVALID_REQUEST, describe(cause, call));
      }
    }
    return new HttpOutcome.Failed(HttpFailure.IO, describe(thrown, call));
  }

  private static String describe(Throwable cause, HttpCall call) {
    String message = cause.getMessage();
    String text = message == null || message.isBlank() ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + message;
    return withoutSecrets(text, call);
  }

  /** A message with every header value and the body replaced, in case the JDK quoted one. */
  static String withoutSecrets(String message, HttpCall call) {
    if (message == null) {
      return null;
    }
    String cleaned = message;
    for (String value : call.headers().values()) {
      if (value.length() >= 3) {
        cleaned = cleaned.replace(value, "(redacted)");
      }
    }
    if (call.body().isPresent() && call.body().get().length() >= 3) {
      cleaned = cleaned.replace(call.body().get(), "(redacted)");
    }
    return cleaned;
  }

  /** Raised when a response body exceeds the limit. */
  static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLarge(int limit) {
      super("the response body exceeds " + limit + " bytes");
    }
  }

  /** Collects the body, giving up (and cancelling the download) past {@code limit} bytes. */
  static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    LimitedBody(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletableFuture<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if ((long) collected.size() + item.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new BodyTooLarge(limit));
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        collected.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(collected.toByteArray());
    }
  }
}
