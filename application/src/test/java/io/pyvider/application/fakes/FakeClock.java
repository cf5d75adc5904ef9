package io.pyvider.application.fakes;

import io.pyvider.application.port.out.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock that stands still until a test moves it. */
public final class FakeClock implements Clock {

  private Instant now;

  public FakeClock(Instant start) {
    this.now = start;
  }

  public static FakeClock at(String isoInstant) {
    return new FakeClock(Instant.parse(isoInstant));
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  public synchronized void advance(Duration by) {
    now = now.plus(by);
  }
}
