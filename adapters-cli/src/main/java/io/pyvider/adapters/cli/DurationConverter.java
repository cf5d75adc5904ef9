package io.pyvider.adapters.cli;

import io.pyvider.domain.token.TokenDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations the way the provider does ({@code 30s}, {@code 15m}, {@code 1h30m}, {@code 7d}). */
final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String text) {
    try {
      return TokenDuration.parse(text).duration();
    } catch (IllegalArgumentException bad) {
      throw new TypeConversionException(bad.getMessage());
    }
  }
}
