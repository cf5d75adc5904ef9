package io.pyvider.application.fakes;

import io.pyvider.application.port.out.IdGenerator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable version-4-shaped UUIDs: 00000000-0000-4000-8000-000000000001, …002, … */
public final class SequentialIds implements IdGenerator {

  private final AtomicLong next = new AtomicLong(1);

  @Override
  public UUID newRandomUuid() {
    return new UUID(0x0000000000004000L, 0x8000000000000000L | next.getAndIncrement());
  }
}
