package io.pyvider.adapters.cli;

import java.time.Duration;

/** Durations as users write them for the provider: {@code 1d2h3m4s}, largest unit first, zero parts left out. */
public final class Durations {

  private Durations() {
  }

  /** The two largest non-zero units, for people reading a table: {@code 316d9h}, {@code 9h29m}, {@code 29m3s}. */
  public static String approximate(Duration duration) {
    String exact = format(duration);
    int units = 0;
    for (int i = 0; i < exact.length(); i++) {
      if (Character.isLetter(exact.charAt(i)) && ++units == 2) {
        return exact.substring(0, i + 1);
      }
    }
    return exact;
  }

  /** The exact compact form of a duration's magnitude, whole seconds ({@code 0s} for zero). */
  public static String format(Duration duration) {
    long seconds = Math.abs(duration.getSeconds());
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long rest = seconds % 60;
    if (days > 0) {
      text.append(days).append('d');
    }
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0) {
      text.append(minutes).append('m');
    }
    if (rest > 0) {
      text.append(rest).append('s');
    }
    return text.toString();
  }
}
