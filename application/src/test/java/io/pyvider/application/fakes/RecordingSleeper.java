package io.pyvider.application.fakes;

import io.pyvider.application.port.out.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A sleeper that does not sleep: it records each wait and reports it complete unless cancelled. */
public final class RecordingSleeper implements Sleeper {

  private final List<Duration> waits = new ArrayList<>();
  private Runnable duringWait = () -> { };

  /** Runs {@code action} during every wait (e.g. a StopProvider arriving while backing off). */
  public RecordingSleeper during(Runnable action) {
    this.duringWait = action;
    return this;
  }

  public List<Duration> waits() {
    return List.copyOf(waits);
  }

  @Override
  public boolean sleep(Duration duration, BooleanSupplier cancelled) {
    waits.add(duration);
    duringWait.run();
    return !cancelled.getAsBoolean();
  }
}
