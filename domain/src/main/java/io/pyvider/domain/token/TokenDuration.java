package io.pyvider.domain.token;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration written the way Terraform users write them: {@code "30s"}, {@code "90m"}, {@code "1h"},
 * {@code "1h30m"}, {@code "7d"}. Whole seconds only; the text is kept so state shows what the user wrote.
 */
public record TokenDuration(String text, Duration duration) {

  private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");
  private static final Pattern WHOLE = Pattern.compile("(\\d+[dhms])+");

  public static final TokenDuration ONE_HOUR = parse("1h");

  public TokenDuration {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(duration, "duration");
  }

  /** Parses a duration; throws {@link IllegalArgumentException} with a message fit for the user. */
  public static TokenDuration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a duration: use a number and a unit, such as "
          + "\"30s\", \"90m\", \"1h\", \"1h30m\" or \"7d\" (units d, h, m, s)");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(text);
    try {
      while (part.find()) {
        long amount = Long.parseLong(part.group(1));
        total = total.plus(switch (part.group(2)) {
          case "d" -> Duration.ofDays(amount);
          case "h" -> Duration.ofHours(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofSeconds(amount);
        });
      }
    } catch (ArithmeticException | NumberFormatException tooLarge) {
      throw new IllegalArgumentException("\"" + text + "\" is too long a duration");
    }
    if (total.compareTo(Duration.ofDays(36500)) > 0) {
      throw new IllegalArgumentException("\"" + text + "\" is longer than 100 years");
    }
    return new TokenDuration(text, total);
  }

  public boolean isZero() {
    return duration.isZero();
  }

  @Override
  public String toString() {
    return text;
  }
}
