package io.pyvider.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.pyvider.application.port.out.IdGenerator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ids are random version-4 UUIDs. */
class SecureRandomIdGeneratorTest {

  private final IdGenerator ids = Crypto.idGenerator();

  @Test
  void everyIdIsAVersionFourUuidAndNoneRepeats() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID id = ids.newRandomUuid();
      assertEquals(4, id.version());
      assertEquals(2, id.variant());
      seen.add(id);
    }
    assertEquals(10_000, seen.size());
  }

  @Test
  void tokenIdsAndSecretsComeFromTheSameGenerator() {
    assertNotNull(ids.newTokenId());
    assertNotEquals(ids.newTokenSecret(), ids.newTokenSecret());
  }

  @Test
  void itNamesItselfInDaggerGraphsAndLogsWithoutItsState() {
    assertEquals("SecureRandomIdGenerator", ids.toString());
  }
}
