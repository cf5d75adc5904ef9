package io.pyvider.adapters.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ThreadSleeperTest {

  private final ThreadSleeper sleeper = new ThreadSleeper();

  @Test
  void a_wait_that_is_cancelled_returns_false_instead_of_sleeping_on() {
    AtomicInteger polls = new AtomicInteger();

    boolean completed = sleeper.sleep(Duration.ofDays(1), () -> polls.incrementAndGet() > 2);

    assertFalse(completed);
  }

  @Test
  void a_wait_that_is_not_cancelled_completes() {
    assertTrue(sleeper.sleep(Duration.ofMillis(1), () -> false));
    assertTrue(sleeper.sleep(Duration.ZERO, () -> false));
  }

  @Test
  void an_interrupt_ends_the_wait_and_keeps_the_interrupt_flag() {
    Thread.currentThread().interrupt();

    boolean completed = sleeper.sleep(Duration.ofDays(1), () -> false);

    assertFalse(completed);
    assertTrue(Thread.interrupted());
  }
}
