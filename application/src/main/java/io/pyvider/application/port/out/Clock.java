package io.pyvider.application.port.out;

import java.time.Instant;

/** The current time. The core never reads a clock itself, so tests can move time forward. */
public interface Clock {
  Instant now();
}
