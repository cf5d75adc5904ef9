package io.pyvider.adapters.cli;

/** ANSI colour for terminal output; a no-op when colour is off (pipes, files, {@code NO_COLOR}). */
final class Style {

  private static final String RESET = "\u001b[0m";

  private final boolean on;

  Style(boolean on) {
    this.on = on;
  }

  boolean on() {
    return on;
  }

  String green(String text) {
    return paint("\u001b[32m", text);
  }

  String yellow(String text) {
    return paint("\u001b[33m", text);
  }

  String red(String text) {
    return paint("\u001b[31m", text);
  }

  String magenta(String text) {
    return paint("\u001b[35m", text);
  }

  String bold(String text) {
    return paint("\u001b[1m", text);
  }

  String dim(String text) {
    return paint("\u001b[2m", text);
  }

  private String paint(String code, String text) {
    return on ? code + text + RESET : text;
  }
}
