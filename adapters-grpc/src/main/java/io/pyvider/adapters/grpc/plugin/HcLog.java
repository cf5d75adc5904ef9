package io.pyvider.adapters.grpc.plugin;

import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.JsonText;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * hclog-compatible JSON lines on stderr, which go-plugin parses and Terraform shows under TF_LOG. The level comes from
 * TF_LOG_PROVIDER, else TF_LOG; unset means off. Callers pass only non-secret key/value pairs. Time comes from the
 * clock port, and the sink is per logger: a daemon serves many Terraform runs, each with its own level and stream.
 */
public final class HcLog {

  /** Levels in hclog's order. */
  public enum Level { TRACE, DEBUG, INFO, WARN, ERROR, OFF }

  /** Loaded only when a line is written: java.time's formatter machinery is not free at start-up. */
  private static final class Timestamps {
    // go-plugin parses @timestamp with exactly six fraction digits ("2006-01-02T15:04:05.000000Z07:00").
    static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.UTC);
  }

  private final PrintStream sink;
  private final Level threshold;
  private final String module;
  private final Clock clock;

  public HcLog(PrintStream sink, Level threshold, String module, Clock clock) {
    this.sink = sink;
    this.threshold = threshold;
    this.module = module;
    this.clock = clock;
  }

  /** A logger that writes nothing (the CLI, training). */
  public static HcLog off(String module, Clock clock) {
    return new HcLog(new PrintStream(java.io.OutputStream.nullOutputStream()), Level.OFF, module, clock);
  }

  /** A logger for one Terraform run: its stderr, with the level its environment asks for. */
  public static HcLog forEnvironment(Environment environment, PrintStream stderr, Clock clock) {
    String setting = environment.get("TF_LOG_PROVIDER").or(() -> environment.get("TF_LOG")).orElse("");
    return new HcLog(stderr, parseLevel(setting), "provider.terraform-provider-pyvider", clock);
  }

  /** A level named as TF_LOG names it (trace, debug, ..., json); empty means off, anything unknown trace. */
  public static Level parseLevel(String setting) {
    String upper = setting.trim().toUpperCase(Locale.ROOT);
    if (upper.isEmpty()) {
      return Level.OFF;
    }
    if (upper.equals("JSON")) {
      return Level.TRACE;
    }
    try {
      return Level.valueOf(upper);
    } catch (IllegalArgumentException unknown) {
      return Level.TRACE; // Terraform treats an invalid level as TRACE too.
    }
  }

  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  public boolean enabled(Level level) {
    return threshold != Level.OFF && level.ordinal() >= threshold.ordinal();
  }

  public void trace(String message, String... keyValues) {
    log(Level.TRACE, message, keyValues);
  }

  public void debug(String message, String... keyValues) {
    log(Level.DEBUG, message, keyValues);
  }

  public void info(String message, String... keyValues) {
    log(Level.INFO, message, keyValues);
  }

  public void warn(String message, String... keyValues) {
    log(Level.WARN, message, keyValues);
  }

  public void error(String message, String... keyValues) {
    log(Level.ERROR, message, keyValues);
  }

  /** Writes one entry; key/value pairs become JSON fields, as hclog's own JSON format does. */
  public void log(Level level, String message, String... keyValues) {
    if (!enabled(level)) {
      return;
    }
    StringBuilder line = new StringBuilder(128)
        .append("{\"@level\":\"").append(level.name().toLowerCase(Locale.ROOT))
        .append("\",\"@message\":").append(quote(message))
        .append(",\"@module\":").append(quote(module))
        .append(",\"@timestamp\":\"").append(Timestamps.FORMAT.format(clock.now())).append('"');
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      line.append(',').append(quote(keyValues[i])).append(':').append(quote(String.valueOf(keyValues[i + 1])));
    }
    line.append('}');
    synchronized (sink) {
      sink.println(line);
      sink.flush();
    }
  }

  static String quote(String text) {
    return JsonText.quote(text);
  }
}
