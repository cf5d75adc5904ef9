package io.pyvider.adapters.grpc.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A crash reaches the provider log with its message and stack, and nothing shaped like a secret. */
class LoggedCrashesTest {

  private static final String TOKEN = "token-5b0f6a4e-3d55-4c1e-9b7a-2f1f0c7d9e11";
  private static final String KEY = "c2VjcmV0LWtleS1tYXRlcmlhbC10aGF0LWlzLWxvbmctZW5vdWdo";

  private static String logged(HcLog.Level level) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    HcLog log = new HcLog(new PrintStream(sink, true, StandardCharsets.UTF_8), level, "provider",
        () -> Instant.EPOCH);
    new LoggedCrashes(log).crashed("pyvider_timed_token apply",
        new IllegalStateException("cannot use " + TOKEN + " with key " + KEY));
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void the_message_is_logged_at_error_with_secrets_scrubbed() {
    String error = logged(HcLog.Level.ERROR);
    assertTrue(error.contains("cannot use token-<redacted> with key <redacted>"), error);
    assertTrue(error.contains("java.lang.IllegalStateException"), error);
    assertFalse(error.contains("\\tat ") || error.contains("LoggedCrashesTest"), "the stack belongs to DEBUG");
  }

  @Test
  void the_stack_is_logged_at_debug_scrubbed_too() {
    String debug = logged(HcLog.Level.DEBUG);
    assertTrue(debug.contains("LoggedCrashesTest"), "no stack trace: " + debug);
    assertFalse(debug.contains(TOKEN) || debug.contains(KEY) || debug.contains("5b0f6a4e"), debug);
  }
}
