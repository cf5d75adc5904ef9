package io.pyvider.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pyvider.application.fuzz.HostileInput;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The per-user key file's content, whatever another program left in it (KeyFileFuzzTestInputs/ holds such files): it
 * is refused with a sentence naming the file, or found as one stripped line of text without control characters, never
 * an exception, within bounded memory.
 */
class KeyFileFuzzTest {

  private static final Path PATH = Path.of("/home/user/.config/pyvider/private-state.key");

  @FuzzTest
  void read(byte[] content) throws Exception {
    KeyFile.Loaded loaded = HostileInput.decode(content.length, () -> new KeyFile(PATH, file(content)).read());
    if (loaded instanceof KeyFile.Refused refused) {
      assertTrue(refused.problem().startsWith("the key file " + PATH + " "), refused.problem());
    } else {
      String secret = ((KeyFile.Found) loaded).secret();
      assertFalse(secret.isEmpty());
      assertEquals(secret.strip(), secret);
      assertTrue(secret.codePoints().noneMatch(Character::isISOControl));
    }
  }

  /** A regular file of the current user, mode 0600, holding {@code content}. */
  private static KeyFileAccess file(byte[] content) {
    return new KeyFileAccess() {
      @Override
      public Attributes attributes(Path path) {
        return new Attributes(Kind.REGULAR_FILE, content.length, 1000, 0600);
      }

      @Override
      public Path realPath(Path path) {
        return path;
      }

      @Override
      public byte[] readAtMost(Path path, int limit) {
        return Arrays.copyOf(content, Math.min(limit, content.length));
      }

      @Override
      public long currentUserId() {
        return 1000;
      }
    };
  }
}
