package io.pyvider.domain.token;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * The text form of an expiry: {@code YYYY-MM-DDTHH:MM:SS.ffffff+00:00}, UTC with six fraction digits, the form the
 * Python provider's users already parse. Reading also accepts {@code Z} and other ISO 8601 offsets.
 */
public final class ExpiryTimestamp {

  private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

  // RFC 3339 section 5.6 date-time: seconds required, fraction optional, Z or +hh:mm; T and Z in either case.
  private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
      .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
      .appendValue(ChronoField.DAY_OF_MONTH, 2).appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .appendOffset("+HH:MM", "Z")
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT);

  /** The latest instant the provider format (and RFC 3339) can write: four-digit years end at 9999. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private ExpiryTimestamp() {
  }

  /** Formats an instant, truncated to microseconds (the precision of the format). */
  public static String format(Instant instant) {
    return WRITE.format(instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
  }

  /** Parses an ISO 8601 timestamp with an offset; throws {@link IllegalArgumentException} for anything else. */
  public static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not an ISO 8601 timestamp with a UTC offset");
    }
  }

  /**
   * Parses an RFC 3339 timestamp, the form Terraform's timestamp() and plantimestamp() return and its time functions
   * accept ({@code 2025-01-01T00:00:00Z}, {@code 2025-06-30T23:59:30.5+02:00}); throws
   * {@link IllegalArgumentException} with a message fit for the user for anything else.
   */
  public static Instant parseRfc3339(String text) {
    try {
      return OffsetDateTime.parse(text, RFC_3339).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not an RFC 3339 timestamp: write a date, T, a time "
          + "with seconds and Z or an offset, such as \"2025-01-01T00:00:00Z\" or \"2025-06-30T23:59:30+02:00\"");
    }
  }
}
