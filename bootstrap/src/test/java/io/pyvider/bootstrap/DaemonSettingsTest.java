package io.pyvider.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PYVIDER_DAEMON_IDLE and PYVIDER_DAEMON_MAX_SESSIONS: what users write, and the defaults for anything else. */
class DaemonSettingsTest {

  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void idle_timeouts_read_as_users_write_them() {
    assertEquals(Duration.ofMillis(500), DaemonMain.duration("500ms", HOUR));
    assertEquals(Duration.ofSeconds(90), DaemonMain.duration("90", HOUR));
    assertEquals(Duration.ofSeconds(30), DaemonMain.duration(" 30s ", HOUR));
    assertEquals(Duration.ofMinutes(15), DaemonMain.duration("15M", HOUR));
    assertEquals(Duration.ofHours(2), DaemonMain.duration("2h", HOUR));
  }

  @Test
  void an_unreadable_or_non_positive_timeout_keeps_the_default() {
    for (String text : new String[] {"", "soon", "0", "-5s", "1d", "h", "99999999999999999999h"}) {
      assertEquals(HOUR, DaemonMain.duration(text, HOUR), text);
    }
  }

  @Test
  void the_session_bound_is_a_positive_number_up_to_1024() {
    assertEquals(10, DaemonMain.count("10", 32));
    assertEquals(32, DaemonMain.count("0", 32));
    assertEquals(32, DaemonMain.count("100000", 32));
    assertEquals(32, DaemonMain.count("many", 32));
  }

  @Test
  void the_warm_up_may_be_switched_off_with_zero() {
    assertEquals(0, DaemonMain.count("0", 150, 0));
    assertEquals(150, DaemonMain.count("", 150, 0));
    assertEquals(150, DaemonMain.count("-1", 150, 0));
  }
}
