package io.pyvider.bootstrap.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The successor's warm-up gate, against a scripted predecessor: it opens only after a quiet second there. */
class PredecessorGateTest {

  private static String status(int open, int served) {
    return "{\"pid\":1,\"sessions_served\":" + served + ",\"sessions_open\":" + open + ",\"warm_up\":\"successor\"}";
  }

  /** Polls the gate until it opens or {@code seconds} pass. */
  private static boolean opensWithin(PredecessorGate gate, double seconds) throws InterruptedException {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline) {
      if (gate.open()) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Test
  void opens_after_a_quiet_second_and_closes_when_a_session_opens_or_came_and_went() throws Exception {
    String[] current = {status(1, 3)};
    PredecessorGate gate = new PredecessorGate(() -> true, () -> Optional.of(current[0]));
    assertFalse(opensWithin(gate, 1.5), "a session is open there");
    current[0] = status(0, 3);
    assertTrue(opensWithin(gate, 5), "that session ended and none came for a second");
    current[0] = status(0, 4); // one came and went between two looks
    Thread.sleep(PredecessorGate.POLL.toMillis()); // the gate looks again only after POLL
    assertFalse(opensWithin(gate, 0.5), "a session came and went: not quiet");
    assertTrue(opensWithin(gate, 5));
  }

  @Test
  void stays_shut_while_its_own_daemon_is_busy() throws Exception {
    PredecessorGate gate = new PredecessorGate(() -> false, () -> Optional.of(status(0, 0)));
    assertFalse(opensWithin(gate, 1.5));
  }

  @Test
  void a_predecessor_gone_or_unreadable_abandons_the_warm_up() {
    assertThrows(Daemon.WarmUpAbandoned.class, () -> new PredecessorGate(() -> true, Optional::empty).open());
    assertThrows(Daemon.WarmUpAbandoned.class, () -> new PredecessorGate(() -> true, () -> {
      throw new IOException("the process on port 1 is not this user's daemon");
    }).open());
    assertThrows(Daemon.WarmUpAbandoned.class,
        () -> new PredecessorGate(() -> true, () -> Optional.of("{\"pid\":1}")).open());
  }
}
