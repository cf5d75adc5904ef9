package io.pyvider.application.port.out;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting, for back-off between retries. The core never sleeps itself, so tests do not wait. */
public interface Sleeper {

  /**
   * Waits for {@code duration} unless {@code cancelled} turns true first (it is polled while waiting).
   *
   * @return true when the whole duration passed, false when the wait was cut short by cancellation or interruption
   */
  boolean sleep(Duration duration, BooleanSupplier cancelled);
}
