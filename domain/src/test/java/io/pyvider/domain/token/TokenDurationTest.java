package io.pyvider.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenDurationTest {

  @ParameterizedTest
  @CsvSource({
      "30s, PT30S",
      "90m, PT1H30M",
      "1h, PT1H",
      "1h30m, PT1H30M",
      "7d, PT168H",
      "1d2h3m4s, PT26H3M4S",
      "0s, PT0S",
      "36500d, PT876000H"})
  void the_terraform_style_durations_are_read(String text, String iso) {
    TokenDuration duration = TokenDuration.parse(text);

    assertEquals(Duration.parse(iso), duration.duration());
    assertEquals(text, duration.text());
    assertEquals(text, duration.toString());
  }

  @Test
  void the_text_the_user_wrote_is_kept_even_when_another_text_means_the_same() {
    TokenDuration ninety = TokenDuration.parse("90m");
    TokenDuration hourAndHalf = TokenDuration.parse("1h30m");

    assertEquals(ninety.duration(), hourAndHalf.duration());
    assertEquals("90m", ninety.text());
    assertEquals("1h30m", hourAndHalf.text());
  }

  @Test
  void one_hour_is_the_ready_made_default() {
    assertEquals(Duration.ofHours(1), TokenDuration.ONE_HOUR.duration());
    assertEquals("1h", TokenDuration.ONE_HOUR.text());
    assertEquals(TimedToken.DEFAULT_LIFETIME, TokenDuration.ONE_HOUR.duration());
  }

  @Test
  void zero_is_recognised_as_zero() {
    assertTrue(TokenDuration.parse("0s").isZero());
    assertTrue(TokenDuration.parse("0h0m").isZero());
    assertFalse(TokenDuration.parse("1s").isZero());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"1", "h", "-1h", "1.5h", "1w", "1H", " 1h", "1h ", "1 h", "+1h", "h1", "1hm", "1y", "1ms",
      "PT1H", "1h-30m", "٣h"})
  void anything_but_numbers_with_units_is_rejected_with_advice(String text) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TokenDuration.parse(text));
    assertTrue(error.getMessage().contains("\"30s\""), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"36501d", "36500d1s", "876001h", "99999999999999999999s", "9223372036854775807d",
      "9223372036854775807s9223372036854775807s"})
  void an_absurdly_long_duration_is_rejected(String text) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TokenDuration.parse(text));
    assertTrue(error.getMessage().contains("long"), error.getMessage());
  }
}
