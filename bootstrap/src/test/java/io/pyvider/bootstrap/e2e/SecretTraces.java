package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.pyvider.domain.terraform.cty.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The check Terraform's users rely on for write-only and ephemeral values: nothing Terraform keeps (a state or plan
 * object, private bytes) holds the secret in clear, base64, hex or as its SHA-256, whose hex would let anyone holding
 * the state test guesses of it.
 */
public final class SecretTraces {

  private SecretTraces() {
  }

  /** No string in the object and no bytes of the private state hold the secret in any of the forms Terraform bans. */
  public static void assertNone(Value value, byte[] privateBytes, String secret) {
    List<String> texts = new ArrayList<>();
    strings(value, texts);
    texts.add(new String(privateBytes, StandardCharsets.ISO_8859_1));
    for (String text : texts) {
      assertFalse(SecretForms.found(text, secret), "the state holds a form of the write-only secret");
    }
  }

  private static void strings(Value value, List<String> into) {
    if (value instanceof Value.Str s) {
      into.add(s.value());
    } else if (value instanceof Value.ObjectVal object) {
      object.attributes().values().forEach(v -> strings(v, into));
    } else if (value instanceof Value.MapVal map) {
      map.entries().values().forEach(v -> strings(v, into));
    } else if (value instanceof Value.ListVal list) {
      list.elements().forEach(v -> strings(v, into));
    }
  }
}
