package io.pyvider.adapters.host;

import io.pyvider.application.port.out.Clock;
import java.time.Instant;

/** The wall clock. */
final class SystemClock implements Clock {

  SystemClock() {
  }

  @Override
  public Instant now() {
    return Instant.now();
  }
}
