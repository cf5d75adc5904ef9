package io.pyvider.application.component.httpapi;

import static io.pyvider.application.component.httpapi.HttpApiTerraform.headers;
import static io.pyvider.application.component.httpapi.HttpApiTerraform.map;
import static io.pyvider.application.component.httpapi.HttpApiTerraform.number;
import static io.pyvider.application.component.httpapi.HttpApiTerraform.state;
import static io.pyvider.application.component.httpapi.HttpApiTerraform.string;
import static io.pyvider.application.component.httpapi.HttpApiTerraform.with;
import static io.pyvider.application.fakes.ScriptedHttpTransport.failure;
import static io.pyvider.application.fakes.ScriptedHttpTransport.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.DataReadResult;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.HttpCall;
import io.pyvider.application.port.out.HttpFailure;
import io.pyvider.application.port.out.HttpOutcome;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Reading pyvider_http_api: the request sent, the outputs, failures, soft failures and retries. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpApiReadTest {

  private static final String URL = "https://api.example.com/v1/items?page=2";
  private static final String SECRET = "Bearer super-secret-token-123";

  private final HttpApiTerraform terraform = new HttpApiTerraform();
  private final Value.ObjectVal config = terraform.config(URL);

  // --- the request --------------------------------------------------------------------------------------------

  @Test
  void by_default_one_GET_with_a_30_second_timeout_and_no_body_is_sent() {
    Outcomes.ReadData read = terraform.read(config);

    assertEquals(Diagnostics.NONE, read.diagnostics());
    HttpCall call = terraform.transport.onlyCall();
    assertEquals("GET", call.method());
    assertEquals(URI.create(URL), call.uri());
    assertEquals(Duration.ofSeconds(30), call.timeout());
    assertEquals(Map.of(), call.headers());
    assertEquals(Optional.empty(), call.body());
  }

  @Test
  void method_headers_body_and_timeout_are_sent_as_configured() {
    Value.ObjectVal post = with(with(with(headers(config, Map.of("Authorization", SECRET, "Content-Type",
        "application/json")), "method", "post"), "body", "{\"a\":1}"), "timeout", new BigDecimal("2.5"));

    terraform.read(post);

    HttpCall call = terraform.transport.onlyCall();
    assertEquals("POST", call.method());
    assertEquals(Map.of("Authorization", SECRET, "Content-Type", "application/json"), call.headers());
    assertEquals(Optional.of("{\"a\":1}"), call.body());
    assertEquals(Duration.ofMillis(2500), call.timeout());
  }

  @Test
  void an_upper_case_scheme_is_accepted_and_sent_in_lower_case() {
    terraform.read(terraform.config("HTTPS://api.example.com/x"));

    // As text: URI.equals ignores the scheme's case, the JDK's HTTP client does not.
    assertEquals("https://api.example.com/x", terraform.transport.onlyCall().uri().toString());
  }

  @Test
  void a_url_that_never_went_through_validation_is_refused_not_sent() {
    DataReadResult result = terraform.dataSource.read(terraform.config("https://exa mple.com/"),
        terraform.session.context());

    assertEquals(Diagnostics.of(Diagnostic.error(AttributePath.attribute("url"), "Invalid URL",
        "\"https://exa mple.com/\" is not a valid URL.")), result.diagnostics());
    assertTrue(result.state().isNull());
    assertEquals(List.of(), terraform.transport.calls());
  }

  @Test
  void the_call_never_shows_header_values_or_the_body_when_printed() {
    terraform.read(with(headers(config, Map.of("Authorization", SECRET)), "body", "password=hunter2"));

    String printed = terraform.transport.onlyCall().toString();
    assertFalse(printed.contains("super-secret"), printed);
    assertFalse(printed.contains("hunter2"), printed);
    assertTrue(printed.contains("Authorization"), printed);
  }

  // --- outputs ------------------------------------------------------------------------------------------------

  @Test
  void the_response_fills_every_output_and_inputs_are_echoed_with_effective_defaults() {
    terraform.transport.then(response(200, Map.of("Content-Type", List.of("application/json"),
        "X-Request-Id", List.of("abc")), "{\"ok\":true}"));

    Value.ObjectVal state = state(terraform.read(config));

    assertEquals(200, number(state, "status_code"));
    assertEquals("{\"ok\":true}", string(state, "response_body"));
    assertEquals(Map.of("content-type", "application/json", "x-request-id", "abc"), map(state, "response_headers"));
    assertEquals("application/json", string(state, "content_type"));
    assertEquals(2, number(state, "header_count"));
    assertEquals(42, number(state, "response_time_ms"));
    assertEquals(Value.nullOf(CtyType.STRING), state.get("error_message"));
    assertEquals(URL, string(state, "url"));
    assertEquals("GET", string(state, "method"));
    assertEquals(30, number(state, "timeout"));
    assertEquals(0, number(state, "retries"));
    assertEquals(Value.bool(false), state.get("soft_fail"));
    assertEquals(Value.bool(false), state.get("retry_non_idempotent"));
    assertEquals(Value.nullOf(CtyType.STRING), state.get("body"));
  }

  @Test
  void a_configured_method_is_echoed_as_written() {
    assertEquals("post", string(state(terraform.read(with(config, "method", "post"))), "method"));
  }

  @Test
  void header_names_are_lower_cased_and_repeated_headers_joined() {
    terraform.transport.then(response(200, Map.of("Set-Cookie", List.of("a=1", "b=2"), "set-cookie",
        List.of("c=3"), ":status", List.of("200")), ""));

    Value.ObjectVal state = state(terraform.read(config));

    assertEquals(Map.of("set-cookie", "a=1, b=2, c=3"), map(state, "response_headers"));
    assertEquals(1, number(state, "header_count"));
    assertEquals(Value.nullOf(CtyType.STRING), state.get("content_type"));
  }

  @Test
  void client_and_server_errors_are_results_not_diagnostics() {
    for (int status : List.of(401, 404, 500, 503)) {
      HttpApiTerraform fresh = new HttpApiTerraform();
      fresh.transport.then(response(status, Map.of(), "nope"));

      Outcomes.ReadData read = fresh.read(fresh.config(URL));

      assertEquals(Diagnostics.NONE, read.diagnostics());
      assertEquals(status, number(state(read), "status_code"));
      assertEquals("nope", string(state(read), "response_body"));
    }
  }

  @Test
  void a_body_that_is_not_utf8_is_decoded_with_replacement_characters_and_a_warning() {
    terraform.transport.then(new HttpOutcome.Response(200, Map.of(), new byte[] {'o', 'k', (byte) 0xFF},
        Duration.ZERO));

    Outcomes.ReadData read = terraform.read(config);

    assertEquals("ok\uFFFD", string(state(read), "response_body"));
    Diagnostic warning = read.diagnostics().asList().get(0);
    assertFalse(warning.isError());
    assertEquals(AttributePath.attribute("response_body"), warning.path());
  }

  // --- failures -----------------------------------------------------------------------------------------------

  @Test
  void a_transport_failure_is_an_error_naming_the_url_and_the_cause() {
    terraform.transport.then(failure(HttpFailure.CONNECTION, "ConnectException: Connection refused"));

    Outcomes.ReadData read = terraform.read(headers(config, Map.of("Authorization", SECRET)));

    assertEquals(1, read.diagnostics().asList().size());
    Diagnostic error = read.diagnostics().asList().get(0);
    assertTrue(error.isError());
    assertEquals("HTTP request failed", error.summary());
    assertEquals("GET " + URL + " failed: the connection failed (ConnectException: Connection refused). Set "
        + "soft_fail = true to record the failure in error_message instead of failing.", error.detail(),
        "one attempt, so no count of attempts");
    assertFalse(error.detail().contains("super-secret"), error.detail());
    assertTrue(read.state().isNull());
  }

  @Test
  void user_information_in_the_url_is_not_repeated_in_messages() {
    terraform.transport.then(failure(HttpFailure.UNKNOWN_HOST, null));

    Outcomes.ReadData read = terraform.read(terraform.config("https://admin:pa55word@api.example.com/x"));

    String detail = read.diagnostics().asList().get(0).detail();
    assertFalse(detail.contains("pa55word"), detail);
    assertTrue(detail.contains("api.example.com/x"), detail);
  }

  @Test
  void with_soft_fail_a_transport_failure_lands_in_error_message() {
    terraform.transport.then(failure(HttpFailure.TIMEOUT, "no complete response within PT30S"));

    Outcomes.ReadData read = terraform.read(with(config, "soft_fail", true));

    assertEquals(Diagnostics.NONE, read.diagnostics());
    Value.ObjectVal state = state(read);
    assertTrue(string(state, "error_message").contains("timed out"), string(state, "error_message"));
    assertTrue(string(state, "error_message").contains(URL));
    assertEquals(Value.nullOf(CtyType.NUMBER), state.get("status_code"));
    assertEquals(Value.nullOf(CtyType.STRING), state.get("response_body"));
    assertEquals(Value.nullOf(CtyType.STRING), state.get("content_type"));
    assertEquals(Value.nullOf(CtyType.NUMBER), state.get("response_time_ms"));
    assertEquals(Map.of(), map(state, "response_headers"));
    assertEquals(0, number(state, "header_count"));
    assertEquals(Value.bool(true), state.get("soft_fail"));
  }

  // --- retries ------------------------------------------------------------------------------------------------

  @Test
  void no_retries_by_default() {
    terraform.transport.then(response(503, Map.of(), "busy"));

    assertEquals(503, number(state(terraform.read(config)), "status_code"));
    assertEquals(1, terraform.transport.calls().size());
    assertEquals(List.of(), terraform.sleeper.waits());
  }

  @Test
  void gateway_errors_are_retried_with_exponential_backoff() {
    terraform.transport.then(response(502, Map.of(), ""), response(503, Map.of(), ""),
        response(504, Map.of(), ""), response(200, Map.of(), "finally"));

    Value.ObjectVal state = state(terraform.read(with(config, "retries", 5)));

    assertEquals(200, number(state, "status_code"));
    assertEquals(4, terraform.transport.calls().size());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
        terraform.sleeper.waits());
  }

  @Test
  void transport_failures_are_retried_and_a_later_success_wins() {
    terraform.transport.then(failure(HttpFailure.CONNECTION, "refused"), response(200, Map.of(), "up"));

    Outcomes.ReadData read = terraform.read(with(config, "retries", 3));

    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertEquals("up", string(state(read), "response_body"));
  }

  @Test
  void when_retries_run_out_the_last_response_is_the_result() {
    terraform.transport.then(response(503, Map.of(), "busy"));

    Value.ObjectVal state = state(terraform.read(with(config, "retries", 2)));

    assertEquals(503, number(state, "status_code"));
    assertEquals(3, terraform.transport.calls().size());
  }

  @Test
  void when_retries_run_out_on_failures_the_error_says_how_many_attempts_were_made() {
    terraform.transport.then(failure(HttpFailure.TIMEOUT, null));

    Outcomes.ReadData read = terraform.read(with(config, "retries", 2));

    assertTrue(read.diagnostics().asList().get(0).detail().contains("after 3 attempts"));
  }

  @Test
  void other_statuses_and_tls_failures_are_not_retried() {
    terraform.transport.then(response(500, Map.of(), ""));
    terraform.read(with(config, "retries", 3));
    HttpApiTerraform tls = new HttpApiTerraform();
    tls.transport.then(failure(HttpFailure.TLS, "PKIX path building failed"));
    tls.read(with(tls.config(URL), "retries", 3));

    assertEquals(1, terraform.transport.calls().size());
    assertEquals(1, tls.transport.calls().size());
  }

  @Test
  void post_and_patch_are_not_retried_unless_asked() {
    for (String method : List.of("POST", "PATCH")) {
      HttpApiTerraform plain = new HttpApiTerraform();
      plain.transport.then(response(503, Map.of(), ""));
      plain.read(with(with(plain.config(URL), "method", method), "retries", 3));
      HttpApiTerraform allowed = new HttpApiTerraform();
      allowed.transport.then(response(503, Map.of(), ""));
      allowed.read(with(with(with(allowed.config(URL), "method", method), "retries", 3),
          "retry_non_idempotent", true));

      assertEquals(1, plain.transport.calls().size(), method);
      assertEquals(4, allowed.transport.calls().size(), method);
    }
  }

  @Test
  void idempotent_methods_are_retried() {
    for (String method : List.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE")) {
      HttpApiTerraform fresh = new HttpApiTerraform();
      fresh.transport.then(response(503, Map.of(), ""));
      fresh.read(with(with(fresh.config(URL), "method", method), "retries", 1));

      assertEquals(2, fresh.transport.calls().size(), method);
    }
  }

  @Test
  void the_backoff_doubles_up_to_thirty_seconds() {
    assertEquals(Duration.ofSeconds(1), HttpApiDataSource.backoff(1));
    assertEquals(Duration.ofSeconds(16), HttpApiDataSource.backoff(5));
    assertEquals(Duration.ofSeconds(30), HttpApiDataSource.backoff(6));
    assertEquals(Duration.ofSeconds(30), HttpApiDataSource.backoff(10));
  }

  @Test
  void a_stop_request_during_the_backoff_ends_the_retries_with_an_error() {
    terraform.transport.then(response(503, Map.of(), ""));
    terraform.sleeper.during(terraform.provider::stop);

    Outcomes.ReadData read = terraform.read(with(config, "retries", 10));

    assertEquals(1, terraform.transport.calls().size());
    assertEquals(1, terraform.sleeper.waits().size());
    Diagnostic error = read.diagnostics().asList().get(0);
    assertEquals("HTTP request cancelled", error.summary());
    assertTrue(read.state().isNull());
  }

  @Test
  void cancellation_is_an_error_even_with_soft_fail() {
    terraform.transport.then(failure(HttpFailure.CANCELLED, null));

    Outcomes.ReadData read = terraform.read(with(config, "soft_fail", true));

    assertEquals("HTTP request cancelled", read.diagnostics().asList().get(0).summary());
    assertTrue(read.diagnostics().asList().get(0).detail().endsWith(". Terraform asked the provider to stop."),
        read.diagnostics().asList().get(0).detail());
  }
}
