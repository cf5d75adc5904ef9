package io.pyvider.application.component.httprequest;

import static io.pyvider.application.component.httprequest.HttpRequestTerraform.headers;
import static io.pyvider.application.component.httprequest.HttpRequestTerraform.onlyError;
import static io.pyvider.application.component.httprequest.HttpRequestTerraform.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The schema of pyvider_http_request, ValidateActionConfig and PlanAction: errors name their attribute; no request. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpRequestValidationTest {

  private static final String SECRET = "Bearer validation-secret-1f9e";

  private final HttpRequestTerraform terraform = new HttpRequestTerraform();
  private final Value.ObjectVal config = terraform.config("https://hooks.example.com/deploy");

  private Diagnostic errorAt(Value.ObjectVal config, String attribute) {
    Diagnostic error = onlyError(terraform.validate(config));
    assertEquals(AttributePath.attribute(attribute), error.path(), error.toString());
    return error;
  }

  @Test
  void the_schema_has_the_contract_attributes_none_computed_and_headers_sensitive() {
    assertTrue(terraform.block.attribute("url").required());
    assertEquals(CtyType.STRING, terraform.block.attribute("url").type());
    for (String optional : List.of("method", "headers", "body", "timeout")) {
      Attribute attribute = terraform.block.attribute(optional);
      assertTrue(attribute.optional() && !attribute.required(), optional);
    }
    for (Attribute attribute : terraform.block.attributes().values()) {
      assertFalse(attribute.computed(), attribute.name() + ": an action has no state to compute into");
      assertFalse(attribute.description().isBlank(), attribute.name());
    }
    assertEquals(CtyType.mapOf(CtyType.STRING), terraform.block.attribute("headers").type());
    assertEquals(CtyType.STRING, terraform.block.attribute("timeout").type());
    assertTrue(terraform.block.attribute("headers").sensitive());
    assertEquals(0L, terraform.provider.schemas().actions().get(HttpRequestTerraform.TYPE).version(),
        "the provider serves the action's schema");
  }

  @Test
  void a_complete_configuration_and_one_with_unknown_values_validate_cleanly() {
    Value.ObjectVal complete = with(with(with(headers(config, Map.of("Authorization", SECRET)), "method", "put"),
        "body", "{}"), "timeout", "1m30s");
    assertEquals(Diagnostics.NONE, terraform.validate(complete));
    assertEquals(Diagnostics.NONE, terraform.validate(config.with("url", Value.unknown(CtyType.STRING))
        .with("headers", Value.unknown(CtyType.mapOf(CtyType.STRING)))
        .with("timeout", Value.unknown(CtyType.STRING)).with("method", Value.unknown(CtyType.STRING))));
  }

  @Test
  void a_url_that_is_not_http_is_an_error_on_url() {
    for (String url : List.of("ftp://example.com/x", "example.com", "file:///etc/passwd", "https://")) {
      assertEquals("Invalid URL", errorAt(terraform.config(url), "url").summary(), url);
    }
  }

  @Test
  void a_missing_url_is_an_error_on_url() {
    assertEquals("Missing required argument", errorAt(terraform.block.emptyValue(), "url").summary());
  }

  @Test
  void plain_http_to_another_host_warns_and_to_the_loopback_does_not() {
    Diagnostics remote = terraform.validate(terraform.config("http://hooks.example.com/x"));
    assertEquals(1, remote.asList().size());
    assertFalse(remote.hasErrors());
    assertEquals(Diagnostics.NONE, terraform.validate(terraform.config("http://127.0.0.1:8080/x")));
  }

  @Test
  void an_unknown_method_is_an_error_on_method() {
    assertTrue(errorAt(with(config, "method", "FETCH"), "method").detail().contains("FETCH"));
  }

  @Test
  void a_timeout_must_be_a_duration_from_one_second_to_five_minutes() {
    for (String timeout : List.of("soon", "10", "0s", "5m1s", "1d")) {
      assertEquals("Invalid timeout", errorAt(with(config, "timeout", timeout), "timeout").summary(), timeout);
    }
    for (String timeout : List.of("1s", "2s", "1m30s", "5m")) {
      assertEquals(Diagnostics.NONE, terraform.validate(with(config, "timeout", timeout)), timeout);
    }
  }

  @Test
  void a_header_problem_names_the_header_but_never_its_value() {
    Diagnostic host = onlyError(terraform.validate(headers(config, Map.of("Host", SECRET))));
    assertEquals(AttributePath.attribute("headers").key("Host"), host.path());
    Diagnostic broken = onlyError(terraform.validate(headers(config, Map.of("X-Token", SECRET + "\r\nX-Evil: 1"))));
    assertEquals(AttributePath.attribute("headers").key("X-Token"), broken.path());
    assertTrue(terraform.everythingShown().stream().noneMatch(text -> text.contains("validation-secret")),
        terraform.everythingShown().toString());
  }

  @Test
  void planning_a_valid_action_reports_nothing_and_sends_nothing() {
    Value.ObjectVal full = with(headers(config, Map.of("Authorization", SECRET)), "method", "DELETE");
    assertEquals(Diagnostics.NONE, terraform.plan(full));
    assertEquals(Diagnostics.NONE, terraform.plan(config.with("url", Value.unknown(CtyType.STRING))));
    assertEquals(List.of(), terraform.transport.calls());
    assertEquals(List.of(), terraform.progress);
  }

  @Test
  void planning_an_invalid_action_reports_the_error() {
    assertEquals(AttributePath.attribute("url"), onlyError(terraform.plan(terraform.config("ftp://x/"))).path());
    assertEquals(List.of(), terraform.transport.calls());
  }
}
