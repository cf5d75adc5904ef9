package io.pyvider.bootstrap.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DaemonAuthTest {

  @Test
  void the_proof_is_sip_hash_2_4_of_the_challenge_under_the_files_key() {
    // The SipHash paper's key 00..0f and the empty message: 310e0edd47db6f72.
    DaemonAuth auth = DaemonAuth.parse("000102030405060708090a0b0c0d0e0f\n" + "ab".repeat(32) + "\n");
    assertEquals("310e0edd47db6f72", auth.proof(new byte[0]));
    assertEquals("fd67dc93c539f874", auth.proof(HexFormat.of().parseHex("00")));
  }

  @Test
  void the_file_round_trips_and_only_its_token_is_accepted() {
    DaemonAuth auth = DaemonAuth.generate(new SecureRandom());
    DaemonAuth read = DaemonAuth.parse(auth.fileContent());
    byte[] challenge = new byte[16];
    assertEquals(auth.proof(challenge), read.proof(challenge));
    assertTrue(read.acceptsToken(auth.token()));
    assertFalse(read.acceptsToken(auth.token().substring(1)));
    assertFalse(read.acceptsToken(""));
    assertFalse(read.acceptsToken(auth.token().toUpperCase()));
    assertNotEquals(auth.fileContent(), DaemonAuth.generate(new SecureRandom()).fileContent(), "new secrets each time");
    assertFalse(auth.toString().contains(auth.token()));
  }

  @Test
  void a_malformed_file_is_refused() {
    for (String content : new String[] {"", "short\n" + "ab".repeat(32), "00".repeat(16) + "\nshort",
        "00".repeat(16) + "\n" + "AB".repeat(32), "00".repeat(16) + "\n" + "ab".repeat(32) + "\nextra"}) {
      assertThrows(IllegalArgumentException.class, () -> DaemonAuth.parse(content), content);
    }
  }
}
