package io.pyvider.application.component.httpapi;

import static io.pyvider.application.component.httpapi.HttpApiTerraform.headers;
import static io.pyvider.application.component.httpapi.HttpApiTerraform.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The schema of pyvider_http_api and its validation: each error names its attribute path. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpApiValidationTest {

  private final HttpApiTerraform terraform = new HttpApiTerraform();
  private final Value.ObjectVal config = terraform.config("https://api.example.com/");

  private static Diagnostic only(Diagnostics diagnostics) {
    assertEquals(1, diagnostics.asList().size(), diagnostics.toString());
    return diagnostics.asList().get(0);
  }

  private Diagnostic onlyError(Value.ObjectVal config, AttributePath path) {
    Diagnostic error = only(terraform.validate(config));
    assertTrue(error.isError(), error.toString());
    assertEquals(path, error.path());
    return error;
  }

  @Test
  void the_schema_has_the_harness_attributes_and_marks_headers_sensitive() {
    Block block = terraform.block;
    assertTrue(block.attribute("url").required());
    assertEquals(CtyType.mapOf(CtyType.STRING), block.attribute("headers").type());
    assertTrue(block.attribute("headers").sensitive());
    assertTrue(block.attribute("headers").optional());
    assertEquals(CtyType.NUMBER, block.attribute("status_code").type());
    assertTrue(block.attribute("status_code").computedOnly());
    assertTrue(block.attribute("response_body").computedOnly());
    for (String defaulted : List.of("method", "timeout", "retries", "retry_non_idempotent", "soft_fail")) {
      assertTrue(block.attribute(defaulted).optional() && block.attribute(defaulted).computed(), defaulted);
    }
    for (Attribute attribute : block.attributes().values()) {
      assertFalse(attribute.description().isBlank(), attribute.name());
    }
    assertEquals(1, terraform.dataSource.schema().version());
  }

  @Test
  void a_valid_configuration_and_one_with_unknowns_validate_cleanly() {
    assertEquals(Diagnostics.NONE, terraform.validate(config));
    assertEquals(Diagnostics.NONE, terraform.validate(config.with("url", Value.unknown(CtyType.STRING))
        .with("timeout", Value.unknown(CtyType.NUMBER))));
  }

  @Test
  void a_url_that_is_not_http_is_an_error_on_url() {
    for (String url : List.of("ftp://example.com/", "example.com", "file:///etc/passwd", "")) {
      assertEquals("Invalid URL", onlyError(terraform.config(url), AttributePath.attribute("url")).summary(), url);
    }
  }

  @Test
  void the_scheme_is_case_insensitive() {
    assertEquals(Diagnostics.NONE, terraform.validate(terraform.config("HTTPS://example.com/")));
  }

  @Test
  void a_malformed_url_or_one_without_host_is_an_error_on_url() {
    assertEquals("\"https://exa mple.com/\" is not a valid URL: Illegal character in authority at index 8.",
        onlyError(terraform.config("https://exa mple.com/"), AttributePath.attribute("url")).detail());
    assertEquals("url has no host name.",
        onlyError(terraform.config("https:///path-only"), AttributePath.attribute("url")).detail());
  }

  @Test
  void plain_http_to_a_remote_host_is_a_warning_and_to_the_loopback_it_is_not() {
    Diagnostic warning = only(terraform.validate(terraform.config("http://api.example.com/")));

    assertFalse(warning.isError());
    assertEquals(AttributePath.attribute("url"), warning.path());
    assertEquals("Unencrypted HTTP request", warning.summary());
    assertEquals(Diagnostics.NONE, terraform.validate(terraform.config("http://127.0.0.1:8080/x")));
    assertEquals(Diagnostics.NONE, terraform.validate(terraform.config("http://localhost/x")));
  }

  @Test
  void methods_are_checked_case_insensitively() {
    for (String method : List.of("get", "POST", "Put", "patch", "DELETE", "head", "OPTIONS")) {
      assertEquals(Diagnostics.NONE, terraform.validate(with(config, "method", method)), method);
    }
    Diagnostic error = onlyError(with(config, "method", "FETCH"), AttributePath.attribute("method"));
    assertTrue(error.detail().contains("FETCH"));
  }

  @Test
  void the_timeout_must_be_more_than_zero_and_at_most_300() {
    onlyError(with(config, "timeout", 0), AttributePath.attribute("timeout"));
    onlyError(with(config, "timeout", -1), AttributePath.attribute("timeout"));
    onlyError(with(config, "timeout", 301), AttributePath.attribute("timeout"));
    assertEquals(Diagnostics.NONE, terraform.validate(with(config, "timeout", 300)));
    assertEquals(Diagnostics.NONE, terraform.validate(with(config, "timeout", new BigDecimal("0.5"))));
  }

  @Test
  void retries_must_be_a_whole_number_from_0_to_10() {
    onlyError(with(config, "retries", 11), AttributePath.attribute("retries"));
    onlyError(with(config, "retries", -1), AttributePath.attribute("retries"));
    onlyError(with(config, "retries", new BigDecimal("1.5")), AttributePath.attribute("retries"));
    assertEquals(Diagnostics.NONE, terraform.validate(with(config, "retries", 10)));
    assertEquals(Diagnostics.NONE, terraform.validate(with(config, "retries", 0)));
    assertEquals(Diagnostics.NONE, terraform.validate(with(config, "retries", new BigDecimal("2.0"))));
  }

  @Test
  void headers_the_client_manages_cannot_be_set() {
    Diagnostic error = onlyError(headers(config, Map.of("Host", "evil.example")),
        AttributePath.attribute("headers").key("Host"));

    assertEquals("Header cannot be set", error.summary());
    assertFalse(error.detail().contains("evil.example"));
  }

  @Test
  void invalid_header_names_and_values_are_errors_that_do_not_repeat_the_value() {
    onlyError(headers(config, Map.of("Bad Name", "x")), AttributePath.attribute("headers").key("Bad Name"));
    Diagnostic value = onlyError(headers(config, Map.of("X-Token", "secret\r\nInjected: 1")),
        AttributePath.attribute("headers").key("X-Token"));
    assertFalse(value.detail().contains("secret"));
  }

  @Test
  void validation_errors_stop_the_read_before_any_request() {
    Outcomes.ReadData read = terraform.read(terraform.config("ftp://example.com/"));

    assertTrue(read.diagnostics().hasErrors());
    assertTrue(read.state().isNull());
    assertEquals(List.of(), terraform.transport.calls());
  }
}
