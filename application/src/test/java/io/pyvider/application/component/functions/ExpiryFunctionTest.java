package io.pyvider.application.component.functions;

import static io.pyvider.application.component.functions.FunctionCalls.call;
import static io.pyvider.application.component.functions.FunctionCalls.failedAt;
import static io.pyvider.application.component.functions.FunctionCalls.returned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.token.TimedToken;
import io.pyvider.domain.token.TokenDuration;
import io.pyvider.domain.token.TokenId;
import io.pyvider.domain.token.TokenSecret;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExpiryFunctionTest {

  private final ExpiryFunction function = new ExpiryFunction();

  @Test
  void it_is_declared_as_expiry_of_issued_at_and_lifetime_returning_a_string() {
    FunctionCalls.assertDeclared(function.declaration(), "expiry", List.of("issued_at", "lifetime"),
        CtyType.STRING);
  }

  @ParameterizedTest
  @CsvSource({
      "2025-01-01T00:00:00Z,             1h30m, 2025-01-01T01:30:00.000000+00:00",
      "2025-06-30T23:59:30+02:00,        45s,   2025-06-30T22:00:15.000000+00:00",
      "2025-12-31T23:30:00-05:00,        1d,    2026-01-02T04:30:00.000000+00:00",
      "2025-01-01T00:00:00.1234567Z,     1s,    2025-01-01T00:00:01.123456+00:00",
      "2025-01-01t00:00:00z,             7d,    2025-01-08T00:00:00.000000+00:00",
      "2025-01-01T01:00:00.000000+00:00, 1h,    2025-01-01T02:00:00.000000+00:00"})
  void the_expiry_is_issued_at_plus_lifetime_in_utc_in_the_providers_format(String issuedAt, String lifetime,
      String expiry) {
    assertEquals(Value.string(expiry), returned(call(function, issuedAt, lifetime)));
  }

  @Test
  void the_expiry_is_the_text_a_timed_token_issued_then_stores_as_expires_at() {
    Instant issued = Instant.parse("2025-03-04T05:06:07.890123Z");
    TimedToken token = TimedToken.issue(TokenId.of(UUID.randomUUID()), "ci",
        TokenSecret.of(UUID.randomUUID()), issued, TokenDuration.parse("90m").duration());

    assertEquals(Value.string(token.expiresAtText()), returned(call(function, "2025-03-04T05:06:07.890123Z", "90m")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "", "2025-01-01", "2025-01-01T00:00Z", "2025-01-01T00:00:00",
      "2025-01-01 00:00:00Z", "2025-02-30T00:00:00Z"})
  void an_issued_at_that_is_not_rfc_3339_is_an_error_about_argument_0(String issuedAt) {
    String text = failedAt(0, call(function, issuedAt, "1h"));

    assertTrue(text.contains("\"" + issuedAt + "\"") && text.contains("RFC 3339"), text);
  }

  @Test
  void an_unreadable_lifetime_is_an_error_about_argument_1() {
    assertTrue(failedAt(1, call(function, "2025-01-01T00:00:00Z", "zz")).contains("\"zz\" is not a duration"));
  }

  @Test
  void a_zero_lifetime_is_refused_as_the_timed_token_refuses_it() {
    assertTrue(failedAt(1, call(function, "2025-01-01T00:00:00Z", "0s")).contains("at least one second"));
  }

  @Test
  void when_both_arguments_are_wrong_the_error_is_about_the_first() {
    failedAt(0, call(function, "yesterday", "zz"));
  }

  @Test
  void an_expiry_after_the_year_9999_is_an_error_about_the_lifetime() {
    assertEquals(Value.string("9999-12-31T23:59:59.000000+00:00"),
        returned(call(function, "9999-12-31T23:59:58Z", "1s")));
    assertTrue(failedAt(1, call(function, "9999-12-31T00:00:00Z", "1d")).contains("9999"));
  }
}
