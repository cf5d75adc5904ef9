package io.pyvider.adapters.crypto;

import io.pyvider.application.port.out.IdGenerator;
import java.util.UUID;

/** Version-4 UUIDs from the JDK's cryptographically strong generator (token ids and token secrets). */
final class SecureRandomIdGenerator implements IdGenerator {

  @Override
  public UUID newRandomUuid() {
    // UUID.randomUUID draws its 122 random bits from a shared SecureRandom.
    return UUID.randomUUID();
  }

  @Override
  public String toString() {
    return "SecureRandomIdGenerator";
  }
}
