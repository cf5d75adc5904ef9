package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void exact_durations_use_the_providers_units_largest_first() {
    assertEquals("0s", Durations.format(Duration.ZERO));
    assertEquals("15m", Durations.format(Duration.ofMinutes(15)));
    assertEquals("1d2h3m4s", Durations.format(Duration.ofSeconds(93_784)));
    assertEquals("1h", Durations.format(Duration.ofHours(-1)), "the magnitude");
  }

  @Test
  void approximate_durations_keep_the_two_largest_units() {
    assertEquals("316d9h", Durations.approximate(Duration.ofSeconds(316 * 86_400 + 9 * 3_600 + 29 * 60 + 3)));
    assertEquals("9h29m", Durations.approximate(Duration.ofSeconds(9 * 3_600 + 29 * 60 + 3)));
    assertEquals("29m3s", Durations.approximate(Duration.ofSeconds(29 * 60 + 3)));
    assertEquals("1d3s", Durations.approximate(Duration.ofSeconds(86_403)));
    assertEquals("42s", Durations.approximate(Duration.ofSeconds(42)));
  }
}
