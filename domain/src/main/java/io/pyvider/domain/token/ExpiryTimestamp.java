package io.pyvider.domain.token;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The text form of an expiry: {@code YYYY-MM-DDTHH:MM:SS.ffffff+00:00}, UTC with six fraction digits, the form the
 * Python provider's users already parse. Reading also accepts {@code Z} and other ISO 8601 offsets.
 */
public final class ExpiryTimestamp {

  private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

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
}
