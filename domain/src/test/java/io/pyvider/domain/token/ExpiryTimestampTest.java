package io.pyvider.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExpiryTimestampTest {

  @Test
  void an_expiry_is_written_in_utc_with_six_fraction_digits_and_a_numeric_offset() {
    assertEquals("2025-11-08T15:30:00.123456+00:00",
        ExpiryTimestamp.format(Instant.parse("2025-11-08T15:30:00.123456Z")));
  }

  @Test
  void six_fraction_digits_are_written_even_when_the_microseconds_are_zero() {
    assertEquals("2025-11-08T15:30:00.000000+00:00", ExpiryTimestamp.format(Instant.parse("2025-11-08T15:30:00Z")));
  }

  @Test
  void leading_zeros_of_the_fraction_and_of_every_field_are_kept() {
    assertEquals("0999-01-02T03:04:05.000007+00:00",
        ExpiryTimestamp.format(Instant.parse("0999-01-02T03:04:05.000007Z")));
  }

  @Test
  void nanoseconds_are_truncated_not_rounded() {
    assertEquals("2025-11-08T15:30:00.999999+00:00",
        ExpiryTimestamp.format(Instant.parse("2025-11-08T15:30:00.999999999Z")));
    assertEquals("2025-11-08T15:30:00.000000+00:00",
        ExpiryTimestamp.format(Instant.parse("2025-11-08T15:30:00.000000999Z")));
  }

  @Test
  void the_written_text_matches_the_python_isoformat_shape() {
    String text = ExpiryTimestamp.format(Instant.parse("2030-02-28T23:59:59.5Z"));

    assertTrue(text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00"), text);
    assertEquals("2030-02-28T23:59:59.500000+00:00", text);
  }

  @Test
  void a_timestamp_with_a_z_offset_is_read() {
    assertEquals(Instant.parse("2025-11-08T15:30:00Z"), ExpiryTimestamp.parse("2025-11-08T15:30:00Z"));
  }

  @Test
  void a_timestamp_with_a_plus_zero_offset_is_read() {
    assertEquals(Instant.parse("2025-11-08T15:30:00.123456Z"),
        ExpiryTimestamp.parse("2025-11-08T15:30:00.123456+00:00"));
  }

  @Test
  void a_timestamp_with_another_offset_is_converted_to_the_same_instant() {
    assertEquals(Instant.parse("2025-11-08T13:30:00Z"), ExpiryTimestamp.parse("2025-11-08T15:30:00+02:00"));
    assertEquals(Instant.parse("2025-11-09T00:00:00Z"), ExpiryTimestamp.parse("2025-11-08T19:00:00-05:00"));
  }

  @Test
  void a_timestamp_written_by_the_python_provider_without_a_fraction_is_read() {
    assertEquals(Instant.parse("2025-11-08T15:30:00Z"), ExpiryTimestamp.parse("2025-11-08T15:30:00+00:00"));
  }

  @Test
  void what_is_written_reads_back_as_the_same_instant() {
    Instant instant = Instant.parse("2025-11-08T15:30:00.654321Z");

    assertEquals(instant, ExpiryTimestamp.parse(ExpiryTimestamp.format(instant)));
    assertEquals(instant, OffsetDateTime.of(2025, 11, 8, 15, 30, 0, 654_321_000, ZoneOffset.UTC).toInstant());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "garbage",
      "2025-11-08",
      "2025-11-08T15:30:00",
      "2025-11-08T15:30:00.123456",
      "2025-11-08 15:30:00+00:00",
      "2025-13-08T15:30:00Z",
      "2025-11-08T25:30:00Z",
      "2025-11-08T15:30:00+0000",
      "1731080000",
      " 2025-11-08T15:30:00Z"})
  void anything_else_is_rejected_with_an_illegal_argument(String text) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ExpiryTimestamp.parse(text));
    assertTrue(error.getMessage().contains("ISO 8601"), error.getMessage());
  }

  @Test
  void an_rfc_3339_timestamp_with_z_or_an_offset_is_read_as_its_instant() {
    assertEquals(Instant.parse("2025-01-01T00:00:00Z"), ExpiryTimestamp.parseRfc3339("2025-01-01T00:00:00Z"));
    assertEquals(Instant.parse("2025-06-30T21:59:30Z"), ExpiryTimestamp.parseRfc3339("2025-06-30T23:59:30+02:00"));
    assertEquals(Instant.parse("2025-07-01T04:29:30Z"), ExpiryTimestamp.parseRfc3339("2025-06-30T23:59:30-04:30"));
  }

  @Test
  void an_rfc_3339_fraction_of_any_length_is_kept() {
    assertEquals(Instant.parse("2025-01-01T00:00:00.5Z"), ExpiryTimestamp.parseRfc3339("2025-01-01T00:00:00.5Z"));
    assertEquals(Instant.parse("2025-01-01T00:00:00.123456789Z"),
        ExpiryTimestamp.parseRfc3339("2025-01-01T00:00:00.123456789Z"));
  }

  @Test
  void rfc_3339_allows_a_lower_case_t_and_z() {
    assertEquals(Instant.parse("2025-01-01T00:00:00Z"), ExpiryTimestamp.parseRfc3339("2025-01-01t00:00:00z"));
  }

  @Test
  void what_the_provider_writes_is_rfc_3339() {
    Instant instant = Instant.parse("2025-11-08T15:30:00.654321Z");

    assertEquals(instant, ExpiryTimestamp.parseRfc3339(ExpiryTimestamp.format(instant)));
    assertEquals("9999-12-31T23:59:59.999999+00:00", ExpiryTimestamp.format(ExpiryTimestamp.LATEST));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "yesterday",
      "2025-01-01",
      "2025-01-01T00:00Z",
      "2025-01-01T00:00:00",
      "2025-01-01 00:00:00Z",
      "2025-01-01T00:00:00+02",
      "2025-01-01T00:00:00+0200",
      "2025-01-01T00:00:00+02:00:30",
      "2025-01-01T00:00:00.Z",
      "2025-02-30T00:00:00Z",
      "2025-01-01T24:00:00Z",
      "2025-01-01T23:59:60Z",
      "25-01-01T00:00:00Z",
      "+12025-01-01T00:00:00Z",
      "2025-1-01T00:00:00Z",
      "2025-01-01T00:00:00Z ",
      "2025-01-01T00:00:00Z[UTC]"})
  void anything_but_rfc_3339_is_rejected_with_a_message_that_shows_the_form(String text) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ExpiryTimestamp.parseRfc3339(text));
    assertTrue(error.getMessage().contains("RFC 3339") && error.getMessage().contains("2025-01-01T00:00:00Z"),
        error.getMessage());
  }
}
