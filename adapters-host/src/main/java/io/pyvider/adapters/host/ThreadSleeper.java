package io.pyvider.adapters.host;

import io.pyvider.application.port.out.Sleeper;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Sleeps in short slices, so a cancellation (StopProvider) ends the wait within about 50 ms. */
final class ThreadSleeper implements Sleeper {

  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  ThreadSleeper() {
  }

  @Override
  public boolean sleep(Duration duration, BooleanSupplier cancelled) {
    long deadline = System.nanoTime() + duration.toNanos();
    while (true) {
      if (cancelled.getAsBoolean()) {
        return false;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return true;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(remaining, SLICE_NANOS));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
