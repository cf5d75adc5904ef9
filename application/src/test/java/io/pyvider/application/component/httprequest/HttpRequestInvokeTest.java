package io.pyvider.application.component.httprequest;

import static io.pyvider.application.component.httprequest.HttpRequestTerraform.headers;
import static io.pyvider.application.component.httprequest.HttpRequestTerraform.onlyError;
import static io.pyvider.application.component.httprequest.HttpRequestTerraform.with;
import static io.pyvider.application.fakes.ScriptedHttpTransport.failure;
import static io.pyvider.application.fakes.ScriptedHttpTransport.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.out.HttpCall;
import io.pyvider.application.port.out.HttpFailure;
import io.pyvider.application.port.out.HttpOutcome;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * InvokeAction for pyvider_http_request: one request with the configured method, headers, body and timeout; progress
 * first; the outcome as diagnostics. No header value or body ever reaches a message.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpRequestInvokeTest {

  private static final String URL = "https://hooks.example.com/deploy";
  private static final String TOKEN = "Bearer invoke-secret-7c41";
  private static final String PAYLOAD = "{\"release\":\"payload-secret-93ab\"}";

  private final HttpRequestTerraform terraform = new HttpRequestTerraform();
  private final Value.ObjectVal config = with(with(with(headers(terraform.config(URL),
      Map.of("Authorization", TOKEN, "Content-Type", "application/json")), "method", "put"), "body", PAYLOAD),
      "timeout", "10s");

  /** Whatever a test did, no header value or body reached a progress message, a diagnostic or a call description. */
  @AfterEach
  void nothingSecretWasShown() {
    for (String text : terraform.everythingShown()) {
      assertFalse(text.contains("invoke-secret") || text.contains("payload-secret"), text);
    }
  }

  @Test
  void a_2xx_answer_completes_without_diagnostics_after_progress() {
    terraform.transport.then(response(204, Map.of(), ""));

    assertEquals(Diagnostics.NONE, terraform.invoke(config));

    HttpCall call = terraform.transport.onlyCall();
    assertEquals("PUT", call.method());
    assertEquals(URI.create(URL), call.uri());
    assertEquals(Map.of("Authorization", TOKEN, "Content-Type", "application/json"), call.headers());
    assertEquals(Optional.of(PAYLOAD), call.body());
    assertEquals(Duration.ofSeconds(10), call.timeout());
    assertEquals(2, terraform.progress.size(), terraform.progress.toString());
    assertEquals("Sending PUT " + URL + " (timeout 10s)", terraform.progress.get(0));
    assertTrue(terraform.progress.get(1).contains("204"), terraform.progress.get(1));
  }

  @Test
  void without_method_timeout_headers_or_body_it_posts_nothing_with_a_30_second_timeout() {
    terraform.invoke(terraform.config(URL));

    HttpCall call = terraform.transport.onlyCall();
    assertEquals("POST", call.method());
    assertEquals(Map.of(), call.headers());
    assertEquals(Optional.empty(), call.body());
    assertEquals(Duration.ofSeconds(30), call.timeout());
  }

  @Test
  void a_503_answer_is_an_error_naming_the_status_and_is_not_retried() {
    terraform.transport.then(response(503, Map.of(), "upstream down, you sent " + TOKEN));

    Diagnostic error = onlyError(terraform.invoke(config));

    assertTrue(error.summary().contains("503"), error.summary());
    assertTrue(error.detail().contains("PUT " + URL), error.detail());
    assertEquals(1, terraform.transport.calls().size(), "an action is sent once: it may not be safe to repeat");
    assertTrue(terraform.progress.get(0).startsWith("Sending PUT"), terraform.progress.toString());
  }

  @Test
  void a_redirect_that_was_not_followed_is_an_error_that_says_so() {
    terraform.transport.then(response(302, Map.of("Location", List.of("http://elsewhere.example.com/")), ""));

    Diagnostic error = onlyError(terraform.invoke(config));

    assertTrue(error.summary().contains("302"), error.summary());
    assertTrue(error.detail().contains("redirect"), error.detail());
  }

  @Test
  void every_2xx_is_success_every_3xx_an_unfollowed_redirect_and_the_rest_a_plain_failure() {
    for (int status : new int[] {200, 299}) {
      terraform.transport.then(response(status, Map.of(), ""));
      assertEquals(Diagnostics.NONE, terraform.invoke(config), "status " + status);
    }
    String redirect = " The provider follows up to 5 redirects, never from https:// to http://; this one was not "
        + "followed.";
    for (int status : new int[] {300, 399, 400, 199}) {
      terraform.transport.then(response(status, Map.of(), ""));
      assertEquals(Diagnostic.error("HTTP request failed with status " + status, "PUT " + URL + " answered with HTTP "
          + "status " + status + ", not a 2xx success." + (status / 100 == 3 ? redirect : "")),
          onlyError(terraform.invoke(config)));
    }
  }

  @Test
  void a_url_that_never_went_through_validation_is_refused_not_sent() {
    Diagnostics result = new HttpRequestAction(terraform.transport).invoke(terraform.config("https://exa mple.com/"),
        terraform.session.context(), message -> terraform.progress.add(message));

    assertEquals(Diagnostics.of(Diagnostic.error(AttributePath.attribute("url"), "Invalid URL",
        "url is not a valid http:// or https:// URL.")), result);
    assertEquals(List.of(), terraform.transport.calls());
    assertEquals(List.of(), terraform.progress);
  }

  @Test
  void a_refused_connection_is_an_error_with_the_reason() {
    terraform.transport.then(failure(HttpFailure.CONNECTION, "ConnectException: Connection refused"));

    Diagnostic error = onlyError(terraform.invoke(config));

    assertEquals("HTTP request failed", error.summary());
    assertTrue(error.detail().contains("PUT " + URL), error.detail());
    assertTrue(error.detail().contains("Connection refused"), error.detail());
    assertFalse(error.detail().contains("may still have received"), "a refused connection delivered nothing");
    assertEquals(1, terraform.progress.size(), "progress before the request, none after a failure");
  }

  @Test
  void a_timeout_is_an_error_that_warns_the_request_may_have_arrived() {
    terraform.transport.then(failure(HttpFailure.TIMEOUT, "no complete response within PT10S"));

    Diagnostic error = onlyError(terraform.invoke(config));

    assertTrue(error.detail().contains("timed out"), error.detail());
    assertTrue(error.detail().contains("may still have received"), error.detail());
  }

  @Test
  void user_information_in_the_url_never_reaches_progress_or_diagnostics() {
    terraform.transport.then(failure(HttpFailure.UNKNOWN_HOST, null));

    terraform.invoke(terraform.config("https://admin:pa55word@hooks.example.com/x"));

    assertTrue(terraform.everythingShown().stream().noneMatch(text -> text.contains("pa55word")),
        terraform.everythingShown().toString());
    assertTrue(terraform.progress.get(0).contains("hooks.example.com/x"), terraform.progress.get(0));
  }

  @Test
  void an_invalid_configuration_is_refused_before_anything_is_sent() {
    Diagnostic error = onlyError(terraform.invoke(terraform.config("ftp://hooks.example.com/x")));

    assertEquals(AttributePath.attribute("url"), error.path());
    assertEquals(List.of(), terraform.transport.calls());
    assertEquals(List.of(), terraform.progress);
  }

  @Test
  void a_configuration_with_unknown_values_is_not_invoked() {
    Diagnostic error = onlyError(terraform.invoke(config.with("body", Value.unknown(CtyType.STRING))));

    assertTrue(error.detail().contains("unknown values"), error.detail());
    assertEquals(List.of(), terraform.transport.calls());
  }

  @Test
  void stop_provider_cancels_the_request_in_flight() {
    AtomicReference<Runnable> stopProvider = new AtomicReference<>();
    HttpRequestTerraform stopping = new HttpRequestTerraform((call, cancelled) -> {
      boolean cancelledBefore = cancelled.getAsBoolean();
      stopProvider.get().run(); // Terraform's StopProvider arrives while the request waits for its answer
      return !cancelledBefore && cancelled.getAsBoolean() ? new HttpOutcome.Failed(HttpFailure.CANCELLED, null)
          : response(200, Map.of(), "");
    });
    stopProvider.set(stopping.provider::stop);

    Diagnostic error = onlyError(stopping.invoke(config));

    assertEquals("HTTP request cancelled", error.summary());
    assertTrue(error.detail().contains("Terraform asked the provider to stop"), error.detail());
  }

  @Test
  void a_call_terraform_gave_up_on_cancels_the_request() {
    HttpRequestTerraform abandoned = new HttpRequestTerraform((call, cancelled) -> cancelled.getAsBoolean()
        ? new HttpOutcome.Failed(HttpFailure.CANCELLED, null) : response(200, Map.of(), ""));

    assertEquals(Diagnostics.NONE, abandoned.invoke(config, () -> false));
    assertEquals("HTTP request cancelled", onlyError(abandoned.invoke(config, () -> true)).summary());
  }
}
